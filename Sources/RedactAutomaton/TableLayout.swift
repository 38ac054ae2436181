/// Lays the automaton out as the search table: dense rows for the states nearest the start,
/// compact sparse records for the rest, every state id premultiplied.
///
/// Why two forms: a dense row costs `(classes + 1) × 4` bytes per state whether or not the
/// state is ever visited. For 10,000 single names that is 7 MiB and fine; for 10,000 full
/// names in three forms it is 25 MiB (ASCII case folded) or 136 MiB (case variants spelled
/// out), most of it rows of deep states that a search visits only inside a real name. The
/// aho-corasick crate's contiguous NFA makes the same trade: dense rows near the root, sparse
/// deeper. A sparse record holds only the state's trie children and its failure link; a
/// search follows the link when no child matches, which is rare and short (the failure
/// target is usually a dense state).
///
/// Layout of `table` (all ids are offsets into it):
///
/// ```
/// 0 ........................ firstMatchState ............ sparseBase .................. end
/// | dense rows, no match      | dense rows, match          | sparse records              |
/// | row: next id per class, then meta (output list offset) | [fail, outputs, n, (class, next) × n]
/// ```
///
/// So the search tests "dense?" with `s < sparseBase` and "maybe a match?" with
/// `s >= firstMatchState` (every sparse state passes that test; its outputs field says).
/// The start state is row 0. Dense states are the first states in breadth-first order (so
/// every dense state's failure target is dense); within each group states are in depth-first
/// order, so the states of one name sit next to each other.
struct TableLayout {
    var table: [Int32]
    /// The dense rows again with only the trie's own edges (no failure transitions): 0, which
    /// no edge leads to, where a state has no child. `sparseBase` entries, same ids as `table`.
    var gotoRows: [Int32]
    var firstMatchState: Int
    var sparseBase: Int
    var denseStateCount: Int

    /// Offsets of the fields of a sparse record.
    static let sparseFail = 0, sparseOutputs = 1, sparseCount = 2, sparseChildren = 3

    init(trie: Trie, links: Trie.Links, maxDenseStates: Int, maxStates: Int) throws(AutomatonBuildError) {
        let n = trie.stateCount
        let k = trie.classCount
        let stride = k + 1
        let denseCount = max(1, min(n, maxDenseStates))
        guard denseCount * stride <= Int(Int32.max) else {
            throw AutomatonBuildError(.tooManyStates(limit: maxStates))
        }

        // Dense rows in breadth-first position, holding trie state numbers: each row starts as
        // a copy of its failure target's row (already complete: it comes earlier), then the
        // state's own children overwrite their classes.
        var densePosition = [Int32](repeating: -1, count: n)
        var rows = [Int32](repeating: 0, count: denseCount * k)
        for position in 0..<denseCount {
            let s = Int(links.order[position])
            densePosition[s] = Int32(position)
            let base = position * k
            if s != 0 {
                let from = Int(densePosition[Int(links.fail[s])]) * k
                for c in 0..<k { rows[base + c] = rows[from + c] }
            }
            var t = trie.firstChild[s]
            while t >= 0 {
                rows[base + Int(trie.edgeClass[Int(t)])] = t
                t = trie.nextSibling[Int(t)]
            }
        }

        // Numbering: dense non-match, dense match, sparse; depth-first within each group.
        let depthFirst = trie.depthFirstOrder()
        var newID = [Int](repeating: 0, count: n)
        var row = 0
        for s in depthFirst where densePosition[Int(s)] >= 0 && links.listOffset[Int(s)] == 0 {
            newID[Int(s)] = row * stride; row += 1
        }
        let firstMatchState = row * stride
        for s in depthFirst where densePosition[Int(s)] >= 0 && links.listOffset[Int(s)] != 0 {
            newID[Int(s)] = row * stride; row += 1
        }
        let sparseBase = row * stride
        var end = sparseBase
        for s in depthFirst where densePosition[Int(s)] < 0 {
            newID[Int(s)] = end
            end += TableLayout.sparseChildren + 2 * trie.childCount(Int(s))
        }
        guard end <= Int(Int32.max) else { throw AutomatonBuildError(.tooManyStates(limit: maxStates)) }

        var table = [Int32](repeating: 0, count: end)
        var gotoRows = [Int32](repeating: 0, count: sparseBase)
        for s in 0..<n {
            let id = newID[s]
            let position = Int(densePosition[s])
            if position >= 0 {
                for c in 0..<k { table[id + c] = Int32(newID[Int(rows[position * k + c])]) }
                table[id + k] = links.listOffset[s]
                gotoRows[id + k] = links.listOffset[s]
                var t = trie.firstChild[s]
                while t >= 0 {
                    gotoRows[id + Int(trie.edgeClass[Int(t)])] = Int32(newID[Int(t)])
                    t = trie.nextSibling[Int(t)]
                }
            } else {
                table[id + TableLayout.sparseFail] = Int32(newID[Int(links.fail[s])])
                table[id + TableLayout.sparseOutputs] = links.listOffset[s]
                var at = id + TableLayout.sparseChildren
                var t = trie.firstChild[s]
                while t >= 0 {
                    table[at] = trie.edgeClass[Int(t)]
                    table[at + 1] = Int32(newID[Int(t)])
                    at += 2
                    t = trie.nextSibling[Int(t)]
                }
                table[id + TableLayout.sparseCount] = Int32((at - id - TableLayout.sparseChildren) / 2)
            }
        }
        self.table = table
        self.gotoRows = gotoRows
        self.firstMatchState = firstMatchState
        self.sparseBase = sparseBase
        self.denseStateCount = denseCount
    }
}
