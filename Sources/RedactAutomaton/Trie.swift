/// The build's first form: a trie over byte classes with sparse children, failure links and
/// each state's full output list.
///
/// Children are kept as sibling lists (the root as a dense row, since every failure
/// computation ends there), so the build's memory grows with the number of states, not with
/// states × classes: a dictionary too big for a dense table can still be built and laid out
/// partly sparse (see `TableLayout`).
struct Trie {
    let classCount: Int
    /// First child of each state, then each child's next sibling; -1 ends a list.
    private(set) var firstChild: [Int32] = [-1]
    private(set) var nextSibling: [Int32] = [-1]
    /// The class on the edge into each state (unused for the root).
    private(set) var edgeClass: [Int32] = [0]
    /// The root's children by class, -1 where none.
    private var rootChild: [Int32]
    /// Own outputs: first node of each state's list in `outID`/`outNext`, or -1.
    private var ownHead: [Int32] = [-1]
    private var outID: [Int32] = []
    private var outNext: [Int32] = []

    /// - Parameter capacity: how many states to make room for (the patterns' total length is
    ///   an upper bound), so the arrays do not regrow while ten thousand names are inserted.
    init(classCount: Int, capacity: Int = 0) {
        self.classCount = classCount
        self.rootChild = [Int32](repeating: -1, count: classCount)
        firstChild.reserveCapacity(capacity)
        nextSibling.reserveCapacity(capacity)
        edgeClass.reserveCapacity(capacity)
        ownHead.reserveCapacity(capacity)
    }

    var stateCount: Int { firstChild.count }

    /// The child of `s` on class `c`, or -1.
    func child(_ s: Int, _ c: Int) -> Int32 {
        if s == 0 { return rootChild[c] }
        var t = firstChild[s]
        while t >= 0 {
            if edgeClass[Int(t)] == c { return t }
            t = nextSibling[Int(t)]
        }
        return -1
    }

    /// How many children `s` has.
    func childCount(_ s: Int) -> Int {
        var n = 0
        var t = firstChild[s]
        while t >= 0 { n += 1; t = nextSibling[Int(t)] }
        return n
    }

    /// Adds one pattern; its bytes are mapped through `classes`, which folds case if asked.
    mutating func insert(
        _ pattern: UnsafeBufferPointer<UInt8>, id: Int32, classes: ByteClasses, maxStates: Int
    ) throws(AutomatonBuildError) {
        var s = 0
        for b in pattern {
            let c = classes(b)
            let existing = child(s, c)
            if existing >= 0 { s = Int(existing); continue }
            if stateCount >= maxStates { throw AutomatonBuildError(.tooManyStates(limit: maxStates)) }
            let t = Int32(stateCount)
            firstChild.append(-1)
            nextSibling.append(firstChild[s])
            edgeClass.append(Int32(c))
            ownHead.append(-1)
            firstChild[s] = t
            if s == 0 { rootChild[c] = t }
            s = Int(t)
        }
        // Same id and same folded bytes is one pattern: keep one output.
        var node = ownHead[s]
        var last: Int32 = -1
        while node >= 0 {
            if outID[Int(node)] == id { return }
            last = node
            node = outNext[Int(node)]
        }
        outID.append(id)
        outNext.append(-1)
        let added = Int32(outID.count - 1)
        if last < 0 { ownHead[s] = added } else { outNext[Int(last)] = added }
    }

    /// The trie completed as an Aho-Corasick automaton, still indexed by trie state.
    struct Links {
        /// States in breadth-first order (root first): every state's failure target comes
        /// before it.
        var order: [Int32]
        /// The failure target of each state: the longest proper suffix of its path that is
        /// also a path in the trie.
        var fail: [Int32]
        /// Each state's outputs, flattened: at `listOffset[s]` a count then that many ids,
        /// own ids (the longest patterns) first, then inherited ones. Offset 0 is the shared
        /// empty list, so `listOffset[s] != 0` means `s` is a match state.
        var lists: [Int32]
        var listOffset: [Int32]
    }

    /// Computes breadth-first order, failure links and output lists.
    func links() -> Links {
        let n = stateCount
        var order: [Int32] = [0]
        order.reserveCapacity(n)
        var fail = [Int32](repeating: 0, count: n)
        var head = 0
        while head < order.count {
            let s = Int(order[head]); head += 1
            var t = firstChild[s]
            while t >= 0 {
                order.append(t)
                if s != 0 {
                    // The failure target of s's child on c: the first state on s's failure
                    // chain with a child on c, or the root.
                    let c = Int(edgeClass[Int(t)])
                    var f = Int(fail[s])
                    while true {
                        let g = child(f, c)
                        if g >= 0 { fail[Int(t)] = g; break }
                        if f == 0 { fail[Int(t)] = 0; break }
                        f = Int(fail[f])
                    }
                }
                t = nextSibling[Int(t)]
            }
        }

        // A state with no own output shares its failure target's list, so only states that
        // end a pattern store a list.
        var listOffset = [Int32](repeating: 0, count: n)
        var lists: [Int32] = [0]
        for s32 in order {
            let s = Int(s32)
            let inherited = Int(listOffset[Int(fail[s])])
            if ownHead[s] < 0 { listOffset[s] = Int32(inherited); continue }
            let at = lists.count
            lists.append(0)
            var node = ownHead[s]
            while node >= 0 { lists.append(outID[Int(node)]); node = outNext[Int(node)] }
            if inherited != 0 {
                // Element by element: appending a slice of `lists` to itself would copy the
                // whole array each time (the slice keeps the buffer shared).
                let count = Int(lists[inherited])
                for j in 1...count { lists.append(lists[inherited + j]) }
            }
            lists[at] = Int32(lists.count - at - 1)
            listOffset[s] = Int32(at)
        }
        return Links(order: order, fail: fail, lists: lists, listOffset: listOffset)
    }

    /// States in depth-first order (root first), children in the order they were made: the
    /// states of one pattern follow each other, so a search walking a name touches
    /// neighbouring memory. (Children were once sorted by class, which cost more than the
    /// rest of the walk and changed nothing a search sees.)
    func depthFirstOrder() -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(stateCount)
        var stack: [Int32] = [0]
        firstChild.withUnsafeBufferPointer { firstChild in
            nextSibling.withUnsafeBufferPointer { nextSibling in
                while let s = stack.popLast() {
                    result.append(s)
                    // Sibling lists run newest first; pushed in that order, the oldest child
                    // is on top and visited first.
                    var t = firstChild[Int(s)]
                    while t >= 0 { stack.append(t); t = nextSibling[Int(t)] }
                }
            }
        }
        return result
    }
}
