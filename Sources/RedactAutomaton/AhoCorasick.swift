/// A compiled set of byte patterns that finds every occurrence of every pattern in one pass.
///
/// It is an Aho-Corasick automaton, a DFA near the start state and compact sparse records
/// deeper (see README.md beside this file for the design and measurements): built once from
/// a list of patterns, immutable afterwards, and so `Sendable`: any number of
/// threads may search with one automaton, each carrying its own `AutomatonState`. The search
/// allocates nothing and has no error path; every limit is checked by the initializer.
///
/// It serves two jobs in the scanner: dictionaries and case party names (thousands of
/// patterns, reported with their ids), and literal prefilters (`Mr`, `Road`, ...) that tell the
/// scanner where a slower confirm step must run.
///
/// ```swift
/// let ac = try AhoCorasick(patterns: [Array("he".utf8), Array("she".utf8)], ids: [1, 2])
/// ac.findAll(in: Array("ushers".utf8))   // [(id: 2, start: 1, end: 4), (id: 1, start: 2, end: 4)]
/// ```
///
/// Matches are all occurrences, overlapping ones included, reported in order of end offset;
/// at one end offset longer patterns come first. Each distinct `(id, end)` pair is reported
/// once: two patterns with the same id and the same (folded) bytes are one pattern.
public final class AhoCorasick: Sendable {
    // MARK: The search tables (read by the inlinable search loop)

    /// Transitions, premultiplied: the id of a state is its offset in this array, so a dense
    /// step is `next = table[state + class]` with no multiply. Dense rows hold `stride`
    /// entries (one per byte class, then a "meta" column with the state's output-list offset);
    /// states past `sparseBase` are sparse records. Layout in `TableLayout`.
    @usableFromInline let table: [Int32]
    /// Entries per dense row: the number of byte classes plus one meta column.
    @usableFromInline let stride: Int
    /// The byte-to-class map.
    @usableFromInline let byteClasses: ByteClasses
    /// No state below this id is a match state; dense states at or above it all are, so the
    /// hot loop tests for a match with one compare. (Sparse states all pass the compare and
    /// say in their record whether they match.)
    @usableFromInline let firstMatchState: Int
    /// Ids at or above this are sparse records; below it, dense rows.
    @usableFromInline let sparseBase: Int
    /// Output lists, flattened: at each list's offset, a count `n` then `n` pattern ids (the
    /// patterns ending in that state, including those inherited through failure links).
    /// Offset 0 holds an empty list so the array is never empty.
    @usableFromInline let matchLists: [Int32]
    /// The dense rows with the trie's own edges only (0 where none), for `scanWordStarts`.
    @usableFromInline let gotoRows: [Int32]
    /// Parallel to `matchLists`: the byte length of the pattern at each id entry (0 at counts),
    /// so a walk from a word start tells a state's own patterns (as long as the path) from
    /// those inherited through failure links (shorter, and listed after them).
    @usableFromInline let listLengths: [Int32]
    /// Rejects word starts no pattern can begin with (`scanWordStarts`).
    @usableFromInline let prefixFilter: PrefixFilter
    /// The start-state skip plan.
    @usableFromInline let startSkip: StartSkip
    /// The longest pattern, in bytes: how much history a state depends on (`scanLanes`).
    @usableFromInline let maxPatternLength: Int

    // MARK: Facts about the build

    let lengths: PatternLengths

    /// How many patterns were given (duplicates included).
    public let patternCount: Int
    /// How many states there are (the trie's nodes).
    public let stateCount: Int
    /// How many states have dense rows (the rest are sparse records).
    public let denseStateCount: Int
    /// Whether ASCII letters were folded (`AutomatonOptions.asciiCaseInsensitive`).
    public let asciiCaseInsensitive: Bool

    init(
        table: [Int32], gotoRows: [Int32], listLengths: [Int32], prefixFilter: PrefixFilter, stride: Int, byteClasses: ByteClasses, firstMatchState: Int,
        sparseBase: Int, matchLists: [Int32], startSkip: StartSkip, maxPatternLength: Int, lengths: PatternLengths,
        patternCount: Int, stateCount: Int, denseStateCount: Int, asciiCaseInsensitive: Bool
    ) {
        self.table = table
        self.gotoRows = gotoRows
        self.listLengths = listLengths
        self.prefixFilter = prefixFilter
        self.stride = stride
        self.byteClasses = byteClasses
        self.firstMatchState = firstMatchState
        self.sparseBase = sparseBase
        self.matchLists = matchLists
        self.startSkip = startSkip
        self.maxPatternLength = maxPatternLength
        self.lengths = lengths
        self.patternCount = patternCount
        self.stateCount = stateCount
        self.denseStateCount = denseStateCount
        self.asciiCaseInsensitive = asciiCaseInsensitive
    }

    /// The state every search starts in, and the state to begin each new stream with.
    @inlinable public var startState: AutomatonState { AutomatonState(id: 0) }

    /// The byte length of the pattern(s) with this id, so a match's start is `end - length`.
    ///
    /// - Precondition: `id` was one of the ids given at build time.
    public func patternLength(_ id: Int32) -> Int { lengths.length(of: id) }

    /// How many byte equivalence classes the patterns need (the row width, less one).
    public var classCount: Int { byteClasses.count }

    /// Bytes in the transition table: `(classCount + 1) × 4` per dense state, plus
    /// `12 + 8 × children` per sparse state.
    public var tableBytes: Int { table.count * MemoryLayout<Int32>.stride }

    /// Bytes held by all search structures (table, output lists, maps).
    public var memoryBytes: Int {
        tableBytes + matchLists.count * 4 + 256 + 256 + lengths.memoryBytes
            + gotoRows.count * 4 + listLengths.count * 4 + prefixFilter.bits.count * 8
    }

    /// Whether searches use the SIMD start-state skip (see `AutomatonOptions.StartSkip`).
    public var usesStartSkip: Bool { startSkip.enabled }

    /// The byte ranges the skip tests (a superset of the bytes that can start a pattern).
    public var startSkipRanges: [ClosedRange<UInt8>] { startSkip.ranges }
}
