import Glibc

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

    /// One node, 16 bytes: a step to a node's only child (the common case deep in the
    /// trie) reads nothing else.
    struct Node {
        var edgeStart: Int32
        /// The edge count (low 9 bits), the accepted-entry count (bits 9–30), and
        /// whether every entry accepted here needs a capital letter in the text (bit 31).
        var counts: UInt32
        /// The start of its accepted entries in `acceptEntries`, or -1.
        var acceptStart: Int32
        /// A copy of the node's first edge (see `edges`), or 0 for a leaf.
        var firstEdge: UInt32

        var edgeCount: Int { Int(counts & 0x1FF) }
        var acceptCount: Int { Int((counts >> 9) & 0x3F_FFFF) }
    }

    /// Owns the memory (one reference, so that copying the trie in the hot loop costs
    /// one retain at most).
    private let storage: Storage
    /// The sizes of `nodes`, `edges` and `acceptEntries`, for writing them out.
    let nodeCount: Int
    let edgeCount: Int
    let acceptCount: Int
    private let rootNext: UnsafePointer<Int32>
    private let nodes: UnsafePointer<Node>
    /// Each edge packs its target node (high 24 bits) and its label byte (low 8 bits).
    private let edges: UnsafePointer<UInt32>
    private let acceptEntries: UnsafePointer<Int32>
    /// 65,536 bits: whether some key begins with the byte pair (first << 8 | second).
    private let pairs: UnsafePointer<UInt64>
    /// The node after two ASCII letters or digits, in any case: 64 × 64 entries
    /// (16 KB, so it stays in the L1 cache), indexed by `pairIndex`. Two steps of
    /// nearly every walk, without touching a node.
    private let level2: UnsafePointer<Int32>
    /// Per byte: its index in `level2` rows (a–z and A–Z: 0–25, digits: 26–35), or 63.
    private let pairIndex: UnsafePointer<UInt8>
    /// The node after three ASCII letters or digits: 36 × 36 × 36 entries (182 KB, in
    /// the L2 cache), so that most words die or go on without reading a node.
    private let level3: UnsafePointer<Int32>

    /// Owns the memory.
    final class Storage {
        var buffers: [UnsafeMutableRawPointer] = []
        /// What else owns memory the trie reads: the mapped compiled file its nodes,
        /// edges and accepted entries lie in (``CompiledTable``), or nil.
        var owner: AnyObject?
        func allocate<T>(_ values: [T]) -> UnsafePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
            pointer.initialize(from: values, count: values.count)
            buffers.append(UnsafeMutableRawPointer(pointer))
            return UnsafePointer(pointer)
        }
        deinit { for buffer in buffers { buffer.deallocate() } }
    }

    /// Builds the trie of `keys`; `keys[i]` is the key of entry `i`. `needsCapitals(i)`
    /// says that entry `i` can never match an all-lowercase word (see
    /// `acceptsLowercase`).
    init(keys: FlatKeys, needsCapitals: (Int) -> Bool = { _ in false }) {
        // Sort the entries by key (equal keys keep entry order). Most comparisons are
        // settled by the first eight bytes, read once into a big-endian integer; memcmp
        // compares the rest only when those are equal.
        var order: [Int]
        do {
            var sortable: [(prefix: UInt64, entry: Int)] = []
            sortable.reserveCapacity(keys.count)
            for entry in 0..<keys.count {
                var prefix: UInt64 = 0
                let start = keys.offsets[entry], end = keys.offsets[entry + 1]
                for i in 0..<8 { prefix = prefix << 8 | UInt64(start + i < end ? keys.bytes[start + i] : 0) }
                sortable.append((prefix, entry))
            }
            keys.bytes.withUnsafeBufferPointer { bytes in
                keys.offsets.withUnsafeBufferPointer { offsets in
                    let base = bytes.baseAddress
                    sortable.sort { x, y in
                        if x.prefix != y.prefix { return x.prefix < y.prefix }
                        let a = x.entry, b = y.entry
                        let la = offsets[a + 1] - offsets[a], lb = offsets[b + 1] - offsets[b]
                        let common = min(la, lb)
                        let order = common == 0 ? 0 : memcmp(base! + offsets[a], base! + offsets[b], common)
                        if order != 0 { return order < 0 }
                        return la != lb ? la < lb : a < b
                    }
                }
            }
            order = sortable.map(\.entry)
        }
        func length(_ entry: Int) -> Int { keys.offsets[entry + 1] - keys.offsets[entry] }
        func byte(_ entry: Int, _ depth: Int) -> UInt8 { keys.bytes[keys.offsets[entry] + depth] }
        // Depth-first over the sorted keys: a node is a range of `order` sharing a
        // prefix of length `depth`. Numbering nodes in depth-first order puts a chain
        // of single children next to each other in memory, so a walk along a long key
        // reads consecutive nodes.
        var nodes: [Node] = []
        var edges: [UInt32] = []
        var acceptEntries: [Int32] = []
        // Pending nodes: (range, depth, index of the parent's edge to patch).
        var stack: [(range: Range<Int>, depth: Int, edge: Int)] = [(0..<order.count, 0, -1)]
        // Edges are laid out per node when the node is visited; children are visited
        // later, so their ids are patched into the parent's edges then.
        while let (range, depth, parentEdge) = stack.popLast() {
            let id = nodes.count
            if parentEdge >= 0 {
                edges[parentEdge] = UInt32(id) << 8 | (edges[parentEdge] & 0xFF)
            }
            var lower = range.lowerBound
            let acceptsFrom = acceptEntries.count
            while lower < range.upperBound && length(order[lower]) == depth {
                acceptEntries.append(Int32(order[lower]))
                lower += 1
            }
            let acceptCount = acceptEntries.count - acceptsFrom
            let edgeStart = edges.count
            var children: [(Range<Int>, Int)] = []
            while lower < range.upperBound {
                let label = byte(order[lower], depth)
                var upper = lower + 1
                while upper < range.upperBound && byte(order[upper], depth) == label { upper += 1 }
                children.append((lower..<upper, edges.count))
                edges.append(UInt32(label))
                lower = upper
            }
            precondition(acceptCount < 1 << 22, "more than 4 million entries with one key")
            let capitalsOnly = acceptCount > 0 && acceptEntries[acceptsFrom...].allSatisfy { needsCapitals(Int($0)) }
            nodes.append(Node(edgeStart: Int32(edgeStart),
                              counts: UInt32(children.count) | UInt32(acceptCount) << 9 | (capitalsOnly ? 1 << 31 : 0),
                              acceptStart: acceptCount > 0 ? Int32(acceptsFrom) : -1, firstEdge: 0))
            // Visit the first child next (it gets id + 1).
            for (childRange, edge) in children.reversed() { stack.append((childRange, depth + 1, edge)) }
        }
        precondition(nodes.count < 1 << 24, "a trie of more than 16 million nodes")
        for index in nodes.indices where nodes[index].edgeCount > 0 {
            nodes[index].firstEdge = edges[Int(nodes[index].edgeStart)]
        }
        let storage = Storage()
        self.init(nodes: storage.allocate(nodes), nodeCount: nodes.count, edges: storage.allocate(edges), edgeCount: edges.count,
                  acceptEntries: storage.allocate(acceptEntries), acceptCount: acceptEntries.count, storage: storage, owner: nil)
    }

    /// A trie of nodes, edges and accepted entries laid out as `init(keys:)` lays them
    /// out, owned by `storage` or `owner`: builds the tables derived from them (the
    /// root's dense table, the byte pairs that begin keys, the nodes after two and three
    /// letters). ``CompiledTable`` calls it with the arrays of a compiled file, checked.
    init(
        nodes: UnsafePointer<Node>, nodeCount: Int, edges: UnsafePointer<UInt32>, edgeCount: Int,
        acceptEntries: UnsafePointer<Int32>, acceptCount: Int, storage: Storage = Storage(), owner: AnyObject?
    ) {
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.acceptCount = acceptCount
        storage.owner = owner
        let root = nodes[0]
        var rootNext = [Int32](repeating: Trie.none, count: 256)
        for k in 0..<root.edgeCount {
            let edge = edges[Int(root.edgeStart) + k]
            rootNext[Int(edge & 0xFF)] = Int32(edge >> 8)
        }
        // The pairs that begin a key of two bytes or more: an edge of the root, then an
        // edge of the node it leads to.
        var pairs = [UInt64](repeating: 0, count: 1024)
        for k in 0..<root.edgeCount {
            let edge = edges[Int(root.edgeStart) + k]
            let child = nodes[Int(edge >> 8)]
            for j in 0..<child.edgeCount {
                let pair = Int(edge & 0xFF) << 8 | Int(edges[Int(child.edgeStart) + j] & 0xFF)
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        var pairIndex = [UInt8](repeating: 63, count: 256)
        for byte in UInt8(0x61)...0x7A { pairIndex[Int(byte)] = byte - 0x61; pairIndex[Int(byte - 0x20)] = byte - 0x61 }
        for byte in UInt8(0x30)...0x39 { pairIndex[Int(byte)] = 26 + byte - 0x30 }
        self.storage = storage
        self.rootNext = storage.allocate(rootNext)
        self.nodes = nodes
        self.edges = edges
        self.acceptEntries = acceptEntries
        self.pairs = storage.allocate(pairs)
        self.pairIndex = storage.allocate(pairIndex)
        self.level2 = storage.allocate([Int32](repeating: Trie.none, count: 64 * 64))
        // Filled through `next`, now that the nodes are in place.
        self.level3 = storage.allocate([Int32](repeating: Trie.none, count: 36 * 36 * 36))
        let level2 = UnsafeMutablePointer(mutating: self.level2)
        let level3 = UnsafeMutablePointer(mutating: self.level3)
        let alphabet = Array(UInt8(0x61)...0x7A) + Array(UInt8(0x30)...0x39)
        for first in 0..<256 where pairIndex[first] != 63 && first >= 0x61 || (0x30...0x39).contains(first) {
            let node = rootNext[first]
            guard node != Trie.none else { continue }
            for second in 0..<256 where pairIndex[second] != 63 && second >= 0x61 || (0x30...0x39).contains(second) {
                level2[Int(pairIndex[first]) * 64 + Int(pairIndex[second])] = next(node, UInt8(second))
            }
        }
        for a in alphabet {
            for b in alphabet {
                let node = level2[Int(pairIndex[Int(a)]) * 64 + Int(pairIndex[Int(b)])]
                guard node != Trie.none else { continue }
                for c in alphabet {
                    level3[(Int(pairIndex[Int(a)]) * 36 + Int(pairIndex[Int(b)])) * 36 + Int(pairIndex[Int(c)])] = next(node, c)
                }
            }
        }
    }

    /// The node reached from `node` by `byte`, or `none`.
    @inline(__always)
    func next(_ node: Int32, _ byte: UInt8) -> Int32 {
        if node == 0 { return rootNext[Int(byte)] }
        let entry = nodes[Int(node)]
        let count = entry.edgeCount
        if count == 1 {
            return UInt8(truncatingIfNeeded: entry.firstEdge) == byte ? Int32(entry.firstEdge >> 8) : Trie.none
        }
        var low = Int(entry.edgeStart)
        var high = low + count
        // Few children: scan them; many: bisect first.
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

    /// The node after the lower case of two ASCII letters or digits (`none` if no key
    /// begins so). Both bytes must be ASCII letters or digits.
    @inline(__always)
    func afterPair(_ first: UInt8, _ second: UInt8) -> Int32 {
        level2[Int(pairIndex[Int(first)]) &* 64 &+ Int(pairIndex[Int(second)])]
    }

    /// The node after the lower case of three ASCII letters or digits (`none` if no key
    /// begins so). All three bytes must be ASCII letters or digits.
    @inline(__always)
    func afterTriple(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int32 {
        level3[(Int(pairIndex[Int(a)]) &* 36 &+ Int(pairIndex[Int(b)])) &* 36 &+ Int(pairIndex[Int(c)])]
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

    /// Whether some key that ends at `node` may match a word written all in lower case:
    /// false when every such entry is an abbreviation with a capital letter or a
    /// capitalised one-word name (rules 4 and 5), so the cold loop can pass over *as* (the
    /// English word) although *AS* is a key.
    @inline(__always)
    func acceptsLowercase(_ node: Int32) -> Bool {
        let entry = nodes[Int(node)]
        return entry.acceptStart >= 0 && entry.counts & (1 << 31) == 0
    }

    /// The entries whose key ends at `node` (empty if none).
    @inline(__always)
    func accepted(_ node: Int32) -> UnsafeBufferPointer<Int32> {
        let entry = nodes[Int(node)]
        guard entry.acceptStart >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: acceptEntries + Int(entry.acceptStart), count: entry.acceptCount)
    }
}

extension Trie {
    /// The nodes, edges and accepted entries, as ``CompiledTable`` writes them.
    var storedNodes: UnsafeBufferPointer<Node> { UnsafeBufferPointer(start: nodes, count: nodeCount) }
    var storedEdges: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: edges, count: edgeCount) }
    var storedAccepts: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: acceptEntries, count: acceptCount) }

    /// Whether `Node` is laid out as a compiled file stores it (four 32-bit fields in
    /// order, little-endian), so that the file's nodes can be read in place.
    static var nodeLayoutIsStored: Bool {
        MemoryLayout<Node>.size == 16 && MemoryLayout<Node>.offset(of: \Node.counts) == 4
            && MemoryLayout<Node>.offset(of: \Node.acceptStart) == 8 && MemoryLayout<Node>.offset(of: \Node.firstEdge) == 12
            && 1.littleEndian == 1
    }

    /// Why nodes, edges and accepted entries from a file are not a trie that `next`,
    /// `accepted` and the rest can walk without leaving them, or nil when they are: every
    /// node's edges and accepted entries lie inside their arrays, edges are sorted by
    /// label and lead to nodes, the first-edge copies agree, and every accepted entry is
    /// one of `entryCount`.
    static func problem(
        nodes: UnsafePointer<Node>, nodeCount: Int, edges: UnsafePointer<UInt32>, edgeCount: Int,
        accepts: UnsafePointer<Int32>, acceptCount: Int, entryCount: Int
    ) -> String? {
        guard nodeCount >= 1, nodeCount < 1 << 24 else { return "the trie has \(nodeCount) nodes" }
        for index in 0..<nodeCount {
            let node = nodes[index]
            let start = Int(node.edgeStart), count = node.edgeCount
            guard start >= 0, start + count <= edgeCount else { return "node \(index) has edges outside the edge array" }
            guard node.firstEdge == (count > 0 ? edges[start] : 0) else { return "node \(index) has a wrong first edge" }
            if count > 1 {
                for k in start + 1..<start + count where edges[k] & 0xFF <= edges[k - 1] & 0xFF {
                    return "node \(index) has edges out of order"
                }
            }
            let accepted = node.acceptCount
            if accepted == 0 {
                guard node.acceptStart == -1 else { return "node \(index) accepts nothing but names a start" }
            } else {
                guard node.acceptStart >= 0, Int(node.acceptStart) + accepted <= acceptCount else {
                    return "node \(index) has accepted entries outside their array"
                }
            }
        }
        for k in 0..<edgeCount where Int(edges[k] >> 8) >= nodeCount || edges[k] >> 8 == 0 {
            return "edge \(k) leads to no node"
        }
        for k in 0..<acceptCount where accepts[k] < 0 || Int(accepts[k]) >= entryCount {
            return "accepted entry \(k) is no entry"
        }
        return nil
    }
}
