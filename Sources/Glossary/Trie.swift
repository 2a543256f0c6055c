/// A byte trie over folded keys, built once and then read without bounds checks or
/// reference counting from the hot loop.
///
/// Layout: every node has a contiguous, sorted run of edges (label, target); the root
/// also has a dense 256-way table, because every walk starts there and most end there.
/// Nodes are numbered so that each node's children are contiguous, which the builder
/// gets for free by inserting the keys in sorted order.
struct Trie: @unchecked Sendable {
    // @unchecked: the storage is written only in `init` and never mutated after, so
    // sharing it between threads is safe.
    static let none: Int32 = -1
    static let root: Int32 = 0

    /// One node, 16 bytes: a walk step reads one node and one run of edges.
    struct Node {
        var edgeStart: Int32
        var edgeCount: Int32
        /// The start of its accepted entries in `acceptEntries`, or -1.
        var acceptStart: Int32
        var acceptCount: Int32
    }

    private let storage: Storage
    private let rootNext: UnsafePointer<Int32>
    private let nodes: UnsafePointer<Node>
    /// Each edge packs its target node (high 24 bits) and its label byte (low 8 bits).
    private let edges: UnsafePointer<UInt32>
    private let acceptEntries: UnsafePointer<Int32>
    /// 65,536 bits: whether some key begins with the byte pair (first << 8 | second).
    private let pairs: UnsafePointer<UInt64>
    /// The number of nodes.
    let count: Int

    /// Owns the memory.
    private final class Storage {
        var buffers: [UnsafeMutableRawPointer] = []
        func allocate<T>(_ values: [T]) -> UnsafePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
            pointer.initialize(from: values, count: values.count)
            buffers.append(UnsafeMutableRawPointer(pointer))
            return UnsafePointer(pointer)
        }
        deinit { for buffer in buffers { buffer.deallocate() } }
    }

    /// Builds the trie of `keys`; `keys[i]` is the key of entry `i`.
    init(keys: [[UInt8]]) {
        // Sort the entries by key; equal keys keep entry order.
        let order = keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            return x.lexicographicallyPrecedes(y) || (x == y && a < b)
        }
        // Breadth-first over the sorted keys: a node is a range of `order` sharing a
        // prefix of length `depth`. Breadth-first numbering keeps children contiguous.
        var edgeStart: [Int32] = [], edgeCount: [Int32] = []
        var labels: [UInt8] = [], targets: [Int32] = []
        var acceptStart: [Int32] = [], acceptCount: [Int32] = []
        var acceptEntries: [Int32] = []
        var queue: [(range: Range<Int>, depth: Int)] = [(0..<order.count, 0)]
        var head = 0
        while head < queue.count {
            let (range, depth) = queue[head]
            head += 1
            // Keys that end here come first in the sorted range.
            var lower = range.lowerBound
            let acceptsFrom = acceptEntries.count
            while lower < range.upperBound && keys[order[lower]].count == depth {
                acceptEntries.append(Int32(order[lower]))
                lower += 1
            }
            acceptStart.append(acceptEntries.count > acceptsFrom ? Int32(acceptsFrom) : -1)
            acceptCount.append(Int32(acceptEntries.count - acceptsFrom))
            edgeStart.append(Int32(labels.count))
            var children = 0
            while lower < range.upperBound {
                let label = keys[order[lower]][depth]
                var upper = lower + 1
                while upper < range.upperBound && keys[order[upper]][depth] == label { upper += 1 }
                labels.append(label)
                targets.append(Int32(queue.count))
                queue.append((lower..<upper, depth + 1))
                children += 1
                lower = upper
            }
            edgeCount.append(Int32(children))
        }
        var rootNext = [Int32](repeating: Trie.none, count: 256)
        for k in 0..<Int(edgeCount[0]) { rootNext[Int(labels[k])] = targets[k] }

        precondition(edgeStart.count < 1 << 24, "a trie of more than 16 million nodes")
        let storage = Storage()
        self.storage = storage
        self.rootNext = storage.allocate(rootNext)
        self.nodes = storage.allocate(edgeStart.indices.map {
            Node(edgeStart: edgeStart[$0], edgeCount: edgeCount[$0], acceptStart: acceptStart[$0], acceptCount: acceptCount[$0])
        })
        self.edges = storage.allocate(labels.indices.map { UInt32(targets[$0]) << 8 | UInt32(labels[$0]) })
        self.acceptEntries = storage.allocate(acceptEntries)
        var pairs = [UInt64](repeating: 0, count: 1024)
        for key in keys where key.count >= 2 {
            let pair = Int(key[0]) << 8 | Int(key[1])
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        self.pairs = storage.allocate(pairs)
        self.count = edgeStart.count
    }

    /// The node reached from `node` by `byte`, or `none`.
    @inline(__always)
    func next(_ node: Int32, _ byte: UInt8) -> Int32 {
        if node == 0 { return rootNext[Int(byte)] }
        let entry = nodes[Int(node)]
        var low = Int(entry.edgeStart)
        var high = low + Int(entry.edgeCount)
        // Most nodes have one or two children: scan those, bisect the rest.
        while high - low > 8 {
            let middle = (low + high) >> 1
            if UInt8(truncatingIfNeeded: edges[middle]) <= byte { low = middle } else { high = middle }
        }
        while low < high {
            let edge = edges[low]
            if UInt8(truncatingIfNeeded: edge) == byte { return Int32(edge >> 8) }
            low += 1
        }
        return Trie.none
    }

    /// Whether some key begins with these two bytes.
    @inline(__always)
    func pairBegins(_ first: UInt8, _ second: UInt8) -> Bool {
        let pair = Int(first) << 8 | Int(second)
        return (pairs[pair >> 6] >> UInt64(pair & 63)) & 1 != 0
    }

    /// Whether some key continues past `node`.
    @inline(__always)
    func hasChildren(_ node: Int32) -> Bool {
        nodes[Int(node)].edgeCount > 0
    }

    /// Whether some key ends at `node`.
    @inline(__always)
    func accepts(_ node: Int32) -> Bool {
        nodes[Int(node)].acceptStart >= 0
    }

    /// The entries whose key ends at `node` (empty if none).
    @inline(__always)
    func accepted(_ node: Int32) -> UnsafeBufferPointer<Int32> {
        let entry = nodes[Int(node)]
        guard entry.acceptStart >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: acceptEntries + Int(entry.acceptStart), count: Int(entry.acceptCount))
    }
}
