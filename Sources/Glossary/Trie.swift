/// A byte trie over folded keys, flattened into arrays once it is built.
///
/// The root has a dense 256-way table (most walks end there); other nodes keep their
/// edges sorted by label.
struct Trie: Sendable {
    static let none: Int32 = -1

    private var rootNext = [Int32](repeating: Trie.none, count: 256)
    private var edgeStart: [Int32] = []
    private var edgeCount: [Int32] = []
    private var labels: [UInt8] = []
    private var targets: [Int32] = []
    /// Per node: an index into `acceptLists`, or `none`.
    private var accept: [Int32] = []
    /// The entries whose key ends at a node.
    private(set) var acceptLists: [[Int32]] = []

    static let root: Int32 = 0

    /// Builds the trie of `keys`; `keys[i]` is the key of entry `i`.
    init(keys: [[UInt8]]) {
        var children: [[UInt8: Int32]] = [[:]]
        var accepts: [Int32: [Int32]] = [:]
        for (entry, key) in keys.enumerated() {
            var node: Int32 = 0
            for byte in key {
                if let next = children[Int(node)][byte] {
                    node = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    children[Int(node)][byte] = next
                    node = next
                }
            }
            accepts[node, default: []].append(Int32(entry))
        }
        edgeStart.reserveCapacity(children.count)
        for (node, edges) in children.enumerated() {
            edgeStart.append(Int32(labels.count))
            edgeCount.append(Int32(edges.count))
            for (label, target) in edges.sorted(by: { $0.key < $1.key }) {
                labels.append(label)
                targets.append(target)
                if node == 0 { rootNext[Int(label)] = target }
            }
            if let list = accepts[Int32(node)] {
                accept.append(Int32(acceptLists.count))
                acceptLists.append(list)
            } else {
                accept.append(Trie.none)
            }
        }
    }

    /// The node reached from `node` by `byte`, or `none`.
    @inline(__always)
    func next(_ node: Int32, _ byte: UInt8) -> Int32 {
        if node == 0 { return rootNext[Int(byte)] }
        var low = Int(edgeStart[Int(node)])
        var high = low + Int(edgeCount[Int(node)])
        while low < high {
            let middle = (low + high) >> 1
            let label = labels[middle]
            if label == byte { return targets[middle] }
            if label < byte { low = middle + 1 } else { high = middle }
        }
        return Trie.none
    }

    /// The node reached from `node` by all of `bytes`, or `none`.
    @inline(__always)
    func walk(_ node: Int32, _ bytes: ArraySlice<UInt8>) -> Int32 {
        var node = node
        for byte in bytes {
            node = next(node, byte)
            if node == Trie.none { return node }
        }
        return node
    }

    /// Whether some key ends at `node`.
    @inline(__always)
    func accepts(_ node: Int32) -> Bool {
        accept[Int(node)] != Trie.none
    }

    /// The entries whose key ends at `node` (empty if none).
    @inline(__always)
    func accepted(_ node: Int32) -> [Int32] {
        let index = accept[Int(node)]
        return index == Trie.none ? [] : acceptLists[Int(index)]
    }
}
