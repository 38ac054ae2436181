import Foundation
import RedactContainers
import RedactCore

/// The values planted in every fixture, and the category each is found as.
enum Planted {
    static let name = "Mr John Smith"
    static let nino = "AB123456C"
    static let nhs = "943 476 5919"
    static let email = "john.smith@example.com"
    static let phone = "07700 900123"
    /// Metadata only (an author, a company): no finder finds them; cleaning must remove them.
    static let author = "Jane Doe"
    static let company = "Example Constabulary"

    static let found: [(String, Category)] = [
        (name, .personName), (nino, .nino), (nhs, .nhsNumber), (email, .emailAddress), (phone, .phoneNumber),
    ]

    /// Fragments that must not survive anywhere in a redacted output (pieces of split values
    /// included), searched in plain and XML-escaped form.
    static let fragments = ["John Smith", "Smith", "AB123456C", "3456C", "943 476 5919", "5919", "john.smith",
                            "07700 900123", "900123", "Jane Doe", "Example Constabulary"]
}

/// A finder for unit tests: exact search for the planted values, so these tests do not need
/// the scanner. Marks are labels, `[NI NUMBER]`-style.
struct PlantedFinder: TextFinder {
    var values: [(String, Category)] = Planted.found

    func spans(in text: UnsafeBufferPointer<UInt8>, context: FieldContext?) -> [TextSpan] {
        var out: [TextSpan] = []
        for (value, category) in values {
            let needle = Array(value.utf8)
            guard needle.count <= text.count else { continue }
            var i = 0
            while i + needle.count <= text.count {
                if text[i] == needle[0] && text[i..<i + needle.count].elementsEqual(needle) {
                    out.append(TextSpan(start: i, end: i + needle.count, category: category, rule: "test.\(category.rawValue)"))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        out.sort { $0.start < $1.start }
        var kept: [TextSpan] = []
        for s in out where kept.last.map({ s.start >= $0.end }) ?? true { kept.append(s) }
        return kept
    }

    func mark(for span: TextSpan, value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        Array("[\(span.category.rawValue.uppercased().replacingOccurrences(of: "_", with: " "))]".utf8)
    }
}

/// Plain text members, as the formats registry's text format reads them.
struct TestTextFormat: DocumentFormat {
    var id: String { "text" }
    func claims(path: String, head: UnsafeBufferPointer<UInt8>) -> Bool { false }
    func scan(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> [LocatedSpan] {
        env.finder.spans(in: bytes, context: nil).map { LocatedSpan(span: $0) }
    }
    func redact(_ bytes: [UInt8], path: String, in env: FormatEnvironment) throws -> RedactedDocument {
        SpanReplacement.apply(bytes, spans: env.finder.spans(in: bytes, context: nil), finder: env.finder)
    }
}

/// The container formats plus plain text, as the CLI's registry would offer them.
struct TestNested: NestedFormats {
    let formats: [any DocumentFormat] = [DocxFormat(), EmailFormat(), ZipBundleFormat()]
    func format(for path: String, head: UnsafeBufferPointer<UInt8>) -> (any DocumentFormat)? {
        if let f = formats.first(where: { $0.claims(path: path, head: head) }) { return f }
        return head.contains(0) ? nil : TestTextFormat()
    }
}

func testEnvironment(limits: FormatLimits = .default, finder: any TextFinder = PlantedFinder()) -> FormatEnvironment {
    FormatEnvironment(finder: finder, nested: TestNested(), limits: limits)
}

extension Array where Element == UInt8 {
    func contains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= count else { return false }
        var i = 0
        while i + needle.count <= count {
            if self[i] == needle[0] && self[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

/// Every XML-escaped spelling of `s` a writer might use for its special characters.
func escapedForms(_ s: String) -> [String] {
    var forms = [s]
    let escaped = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&apos;")
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    if escaped != s { forms.append(escaped) }
    let spaced = s.replacingOccurrences(of: " ", with: "&#32;")
    if spaced != s { forms.append(spaced) }
    let at = s.replacingOccurrences(of: "@", with: "&#64;")
    if at != s { forms.append(at) }
    return forms
}
