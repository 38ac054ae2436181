/// Why an automaton could not be built.
///
/// Every failure is found at build time; a search on a built automaton has no error path
/// (aho-corasick's `BuildError`, Hyperscan's "no runtime errors" promise). The error carries
/// pattern indexes, ids and sizes, never pattern bytes: patterns are often people's names, and
/// error text ends up in logs.
public struct AutomatonBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, with the numbers needed to fix it.
    public enum Kind: Sendable, Equatable {
        /// The pattern at this position in the input list has no bytes. An empty pattern would
        /// match at every offset, which is never what a dictionary means.
        case emptyPattern(index: Int)
        /// Two patterns share an id but differ in length, so `patternLength(_:)` would be
        /// ambiguous. Give each length its own id.
        case conflictingLengths(id: Int32, first: Int, second: Int)
        /// The trie needs more states than allowed: either `AutomatonOptions.maxStates`, or the
        /// hard limit where premultiplied state ids stop fitting in `Int32`.
        case tooManyStates(limit: Int)
    }

    /// What went wrong.
    public let kind: Kind

    /// Creates an error of the given kind.
    public init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .emptyPattern(let index):
            return "AutomatonBuildError: pattern #\(index) is empty"
        case .conflictingLengths(let id, let first, let second):
            return "AutomatonBuildError: pattern id \(id) is used for lengths \(first) and \(second)"
        case .tooManyStates(let limit):
            return "AutomatonBuildError: more than \(limit) states needed"
        }
    }
}
