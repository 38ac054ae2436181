/// How an automaton is built.
public struct AutomatonOptions: Sendable, Equatable {
    /// Whether the SIMD start-state skip is used.
    public enum StartSkip: Sendable, Equatable {
        /// Use it unless the bytes that leave the start state are common in prose (for example
        /// lowercase letters in a case-insensitive dictionary), where it would stop every few
        /// bytes and cost more than it saves. A runtime back-off covers the rest.
        case auto
        /// Always use it (tests use this to exercise the SIMD path on any pattern set).
        case always
        /// Never use it: every byte goes through the transition table.
        case never
    }

    /// Fold ASCII `A`-`Z` onto `a`-`z`, so `SMITH`, `Smith` and `smith` are one pattern.
    ///
    /// Only ASCII is folded, inside the byte-class map, so it costs nothing per byte. Bytes
    /// 0x80-0xFF are compared exactly: add non-ASCII case variants (`Zoë`/`ZOË`) yourself.
    public var asciiCaseInsensitive: Bool

    /// The most trie states the build may create before it fails with `.tooManyStates`.
    ///
    /// The default allows a few hundred thousand names and stops a runaway input long before
    /// it exhausts memory.
    public var maxStates: Int

    /// The most bytes of dense rows; states beyond get compact sparse records.
    ///
    /// Dense rows (one `Int32` per byte class) make every step one load; sparse records cost
    /// `12 + 8 × children` bytes and a short search per step, and are used for the states
    /// farthest from the start, which a search visits least. The default, 256 KiB, fits in
    /// half of a 512 KiB L2 cache. Measured on 10,000 names (README.md), every budget from
    /// 32 KiB to 1 MiB scanned 1.3–2.2x faster than an all-dense table, which misses the cache
    /// on every step inside a name. 0 makes every state but the start sparse.
    public var maxDenseTableBytes: Int

    /// The start-state skip policy.
    public var startSkip: StartSkip

    /// Creates options; the defaults are exact matching, 4,000,000 states, 256 KiB of dense
    /// rows and `.auto` skip.
    public init(
        asciiCaseInsensitive: Bool = false, maxStates: Int = 4_000_000,
        maxDenseTableBytes: Int = 256 << 10, startSkip: StartSkip = .auto
    ) {
        self.asciiCaseInsensitive = asciiCaseInsensitive
        self.maxStates = maxStates
        self.maxDenseTableBytes = maxDenseTableBytes
        self.startSkip = startSkip
    }
}
