/// An error from reading or scanning one input. Messages name the path and the cause, never
/// the matched text or any other content of the input.
public struct ScanError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        case unreadable
        case notFound
        case isDirectory
        case binary
        case invalidNames
        case invalidPack
        case io
    }
    public var kind: Kind
    public var path: String
    public var detail: String

    public init(_ kind: Kind, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    public var description: String { "\(path): \(detail)" }
}
