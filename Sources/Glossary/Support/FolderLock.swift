import Glibc

/// An exclusive `flock` on a folder, held until released. The folder, not the file, is
/// locked because an edit replaces the file by renaming: a lock on the old file would
/// not stop an edit that opens the new one.
struct FolderLock {
    private let fd: Int32

    init(folderOf path: String) throws(EditError) {
        let folder = FileIO.splitPath(path).folder
        fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw EditError("cannot open the folder \(folder): \(SystemError.current)") }
        do {
            try SystemError.retryingInterrupts { flock(fd, LOCK_EX) }
        } catch {
            close(fd)
            throw EditError("cannot lock the folder \(folder): \(error)")
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
