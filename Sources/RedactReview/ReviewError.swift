/// Why a review step was refused. The message names offsets, ids and codes, never document text,
/// so it can be shown on the page and written to the server log.
public struct ReviewError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case unknownItem, badSpan, badCode, missingReason, finished, held, tooLarge, unsupported
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}
