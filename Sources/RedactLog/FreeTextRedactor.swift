/// Redacts personal data in free text before the log stores it.
///
/// The log must never become a store of the personal data it protects, yet breach records need
/// prose (facts, effects, remedial action) and disclosure events carry a document name. This
/// module does not depend on the scanner (the log sits after it in the pipeline and must stay
/// usable by a server that links no scanner), so the caller supplies the redaction: the CLI wires
/// the scanner in, tests pass a stub. Every entry records ``identifier`` and how many spans were
/// redacted, so a reader of the log knows the text was scanned and by what.
///
/// ```swift
/// let redactor = ClosureRedactor(identifier: "redact-scan uk 1.0") { text in scanner.redact(text) }
/// let log = try SQLiteLogStore(path: "area.sqlite", redactor: redactor)
/// ```
public protocol FreeTextRedactor: Sendable {
    /// Names the scanner and pack version; stored with each entry that holds free text.
    var identifier: String { get }
    /// Returns the text with personal data replaced, and how many spans were replaced.
    func redact(_ text: String) -> (text: String, count: Int)
}

/// A ``FreeTextRedactor`` made from a closure `(String) -> (String, Int)`.
public struct ClosureRedactor: FreeTextRedactor {
    public let identifier: String
    private let body: @Sendable (String) -> (String, Int)

    public init(identifier: String, _ body: @escaping @Sendable (String) -> (String, Int)) {
        self.identifier = identifier
        self.body = body
    }

    public func redact(_ text: String) -> (text: String, count: Int) {
        let (t, n) = body(text)
        return (t, n)
    }
}
