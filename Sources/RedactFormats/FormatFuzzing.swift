import RedactCore

/// The invariants fuzzing checks, shared by the seeded mutation test and the libFuzzer harness
/// (`scripts/fuzz-formats.sh`): for every streamed format, an input either parses or gives a
/// `FormatError` (never a crash, a hang or another error); a redacted copy parses again with a
/// mark in the same fields; streaming in blocks agrees with one buffer.
public enum FormatFuzzing {
    /// Finds every non-empty field whole and marks it with bytes that need quoting and escaping
    /// in every format, so a redacted copy exercises the writers as hard as possible.
    public struct EveryFieldFinder: TextFinder {
        public init() {}
        public func spans(in text: UnsafeBufferPointer<UInt8>, context: FieldContext?) -> [TextSpan] {
            text.isEmpty ? [] : [TextSpan(start: 0, end: text.count, category: .personName, rule: "fuzz.all")]
        }
        public func mark(for span: TextSpan, value: UnsafeBufferPointer<UInt8>) -> [UInt8] { Array("[\",\n\\\u{1}é]".utf8) }
    }

    static let formats: [any StructuredFormat] = [CSVFormat.csv, CSVFormat.tsv, JSONFormat.json, JSONFormat.jsonLines]

    /// Small limits, so deep and long inputs reach them quickly.
    public static var limits: FormatLimits {
        var l = FormatLimits()
        l.maxDepth = 32
        l.maxFieldBytes = 4096
        return l
    }

    /// Checks `input` against every streamed format (and detection); nil when every invariant
    /// holds, else what broke. `chunk` is the block size of the streamed run.
    public static func check(_ input: [UInt8], chunk: Int) -> String? {
        let finder = EveryFieldFinder()
        let env = FormatEnvironment(finder: finder, nested: DocumentFormats.standard, limits: limits)
        _ = input.withUnsafeBufferPointer { DocumentFormats.standard.detect(path: "x", head: $0) }
        for format in formats {
            let spans: [LocatedSpan]
            do { spans = try format.scan(input, path: "f", in: env) } catch is FormatError { continue } catch {
                return "\(format.id): scan threw \(error)"
            }
            let redacted: RedactedDocument
            do { redacted = try format.redact(input, path: "f", in: env) } catch {
                return "\(format.id): scan passed but redact threw \(error)"
            }
            guard redacted.redactions.map(\.original) == spans else { return "\(format.id): redact found other spans than scan" }
            for s in spans where !(0 <= s.span.start && s.span.start < s.span.end && s.span.end <= input.count) {
                return "\(format.id): span \(s.span.start)..<\(s.span.end) outside the input"
            }
            // The copy is read in the input's dialect: a sniffed CSV delimiter is fixed to the
            // input's (a header row replaced by marks may sniff differently).
            var reader: any StructuredFormat = format
            if format.id == "csv" {
                let body = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
                reader = CSVFormat(id: "csv", delimiter: body.withUnsafeBufferPointer { CSVParser.sniff($0) }, extensions: [])
            }
            let again: [LocatedSpan]
            do { again = try reader.scan(redacted.bytes, path: "f", in: env) } catch {
                return "\(format.id): the redacted copy does not parse: \(error)"
            }
            if again.map(\.field) != spans.map(\.field) { return "\(format.id): fields moved: \(spans.map(\.field)) -> \(again.map(\.field))" }
            var at = 0
            var streamedSpans: [LocatedSpan] = []
            var output: [UInt8] = []
            do {
                _ = try format.stream(read: { buffer, max in
                    let n = Swift.min(max, input.count - at)
                    buffer.append(contentsOf: input[at..<(at + n)])
                    at += n
                    return n
                }, path: "f", limits: limits, chunkSize: chunk, finder: finder,
                   onSpan: { span, _, _, _ in streamedSpans.append(span) }, emit: { output.append(contentsOf: $0) })
            } catch {
                return "\(format.id): streaming in blocks of \(chunk) failed where one buffer passed: \(error)"
            }
            if streamedSpans != spans || output != redacted.bytes { return "\(format.id): blocks of \(chunk) differ" }
        }
        return nil
    }
}
