import Foundation
import RedactApply
import RedactCore
import RedactScan
import RedactTestSupport
@testable import RedactFormats

enum Support {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The bundled UK pack's engine, built once.
    /// The bundled UK pack's engine with one case party (`Ayodele Okafor`, witness), built once.
    static let engine: ScanEngine = {
        setenv("REDACT_PATTERNS", root.appendingPathComponent("patterns/uk").path, 1)
        let names = TestDirectories.root.appendingPathComponent("formats-tests.parties.txt")
        try! "Ayodele Okafor\twitness\n".write(to: names, atomically: true, encoding: .utf8)
        var setup = ScanSetup()
        setup.namesFile = names.path
        return try! setup.makeEngine()
    }()

    static func finder(_ style: RedactionStyle = .label) -> EngineTextFinder {
        EngineTextFinder(engine: engine, replacer: Replacer(style: style))
    }

    static func env(_ finder: any TextFinder = finder(), limits: FormatLimits = .default) -> FormatEnvironment {
        FormatEnvironment(finder: finder, nested: DocumentFormats.standard, limits: limits)
    }

    /// Streams `bytes` through `format` in blocks of `chunk` bytes, as a file would be.
    static func stream(_ format: some StructuredFormat, _ bytes: [UInt8], chunk: Int, finder: any TextFinder = finder(),
                       redact: Bool = false, limits: FormatLimits = .default) throws -> (spans: [LocatedSpan], output: [UInt8], sink: FieldProcessor) {
        var at = 0
        var spans: [LocatedSpan] = []
        var output: [UInt8] = []
        let sink = try format.stream(read: { buffer, max in
            let n = min(max, bytes.count - at)
            buffer.append(contentsOf: bytes[at..<(at + n)])
            at += n
            return n
        }, path: "t", limits: limits, chunkSize: chunk, finder: finder,
           onSpan: { span, _, _, _ in spans.append(span) }, emit: redact ? { output.append(contentsOf: $0) } : nil)
        return (spans, output, sink)
    }
}

/// A finder that finds fixed words and replaces them with a chosen mark: exercises quoting and
/// escaping with marks the real styles never produce.
struct WordFinder: TextFinder {
    var words: [String: Category]
    var markText: String

    func spans(in text: UnsafeBufferPointer<UInt8>, context: FieldContext?) -> [TextSpan] {
        let s = Array(text)
        var out: [TextSpan] = []
        var i = 0
        outer: while i < s.count {
            for (w, c) in words.sorted(by: { $0.key < $1.key }) {
                let wb = Array(w.utf8)
                if i + wb.count <= s.count && Array(s[i..<(i + wb.count)]) == wb {
                    out.append(TextSpan(start: i, end: i + wb.count, category: c, rule: "test.word"))
                    i += wb.count
                    continue outer
                }
            }
            i += 1
        }
        return out
    }

    func mark(for span: TextSpan, value: UnsafeBufferPointer<UInt8>) -> [UInt8] { Array(markText.utf8) }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}

extension Array where Element == UInt8 {
    var string: String { String(decoding: self, as: UTF8.self) }
    func slice(_ r: Range<Int>) -> String { String(decoding: self[r], as: UTF8.self) }
}
