import RedactCore
import RedactFormats
import Testing

@Suite struct ProtocolTests {
    @Test func locatorsJoinOutermostFirst() {
        #expect(Locator.join("member:a.docx", "word/document.xml#p3") == "member:a.docx!word/document.xml#p3")
        #expect(Locator.join("member:a.csv", nil) == "member:a.csv")
    }

    @Test func detectionByExtensionAndMagic() {
        let formats = DocumentFormats.standard
        let pdf = Array("%PDF-1.7\n".utf8)
        pdf.withUnsafeBufferPointer { head in
            #expect(formats.detect(path: "x.bin", head: head)?.id == "pdf")
        }
        let none: [UInt8] = []
        none.withUnsafeBufferPointer { head in
            #expect(formats.detect(path: "a/B.CSV", head: head)?.id == "csv")
            #expect(formats.detect(path: "b.tsv", head: head)?.id == "tsv")
            #expect(formats.detect(path: "c.json", head: head)?.id == "json")
            #expect(formats.detect(path: "d.ndjson", head: head)?.id == "jsonl")
            #expect(formats.detect(path: "e.txt", head: head) == nil)
            #expect(formats.format(for: "e.txt", head: head)?.id == "text")
        }
    }
}

@Suite struct NestedFormatTests {
    @Test func plainTextMembersAreScannedAndRedactedInMemory() throws {
        let text = "Call 07700 900123 or email j.okafor@example.org.".bytes
        let env = Support.env()
        let format = try #require(text.withUnsafeBufferPointer { DocumentFormats.standard.format(for: "notes.txt", head: $0) })
        let spans = try format.scan(text, path: "notes.txt", in: env)
        #expect(spans.map(\.span.category) == [.phoneNumber, .emailAddress])
        let doc = try format.redact(text, path: "notes.txt", in: env)
        #expect(doc.bytes.string == "Call [PHONE NUMBER] or email [EMAIL ADDRESS].")
        #expect(doc.redactions.map { doc.bytes.slice($0.outputStart..<$0.outputEnd) } == ["[PHONE NUMBER]", "[EMAIL ADDRESS]"])
        // Binary data with no format is left to the container.
        let binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0, 0, 1]
        #expect(binary.withUnsafeBufferPointer { DocumentFormats.standard.format(for: "x.png", head: $0) } == nil)
        // A CSV member is read as CSV.
        let csv = "Name\nAyodele Okafor\n".bytes
        let member = try #require(csv.withUnsafeBufferPointer { DocumentFormats.standard.format(for: "bundle/a.csv", head: $0) })
        #expect(try member.scan(csv, path: "a.csv", in: env).map(\.field) == ["row:2,col:1"])
    }

    @Test func limitsOfNestingPartsAndBudget() throws {
        var limits = FormatLimits()
        limits.maxNesting = 2
        limits.maxPartBytes = 10
        limits.maxTotalBytes = 100
        let env = Support.env(limits: limits)
        let once = try env.entering("member:a.zip", of: "x.zip")
        let twice = try once.entering("member:b.zip", of: "x.zip")
        #expect(twice.depth == 2)
        #expect(throws: FormatError.self) { try twice.entering("member:c.zip", of: "x.zip") }
        #expect(throws: FormatError.self) { try TextFormat().scan(Array(repeating: 0x41, count: 11), path: "t", in: env) }
        try env.budget.spend(60, path: "x.zip", part: "member:a")
        try once.budget.spend(40, path: "x.zip", part: "member:b")  // shared with nested environments
        do {
            try twice.budget.spend(1, path: "x.zip", part: "member:c")
            Issue.record("no error")
        } catch let e as FormatError {
            #expect(e.kind == .limitExceeded && e.description == "x.zip!member:c: more than 100 decoded bytes in one input (--max-total-bytes)")
        }
    }

    @Test func wholeValueAndLabelContextFromTheFinder() {
        let finder = Support.finder()
        // `Account` stands in for the context an account number needs; without it, no finding.
        #expect(finder.spans(in: "66374958".bytes, context: FieldContext(label: "Account")).map(\.category) == [.bankAccount])
        #expect(finder.spans(in: "66374958".bytes, context: nil).isEmpty)
        #expect(finder.spans(in: "66374958".bytes, context: FieldContext(label: "accountNumber")).map(\.category) == [.bankAccount])
        let whole = finder.spans(in: "  Bea Smith ".bytes, context: FieldContext(label: "Name", wholeValue: .personName, kind: "column"))
        #expect(whole.map { "\($0.start)..<\($0.end) \($0.rule)" } == ["2..<11 column.person_name"])
        #expect(finder.spans(in: "   ".bytes, context: FieldContext(wholeValue: .personName)).isEmpty)
    }

    @Test func csvEdgeInputs() throws {
        let env = Support.env()
        // Invalid UTF-8 in cells passes through; an empty file is an empty table.
        let input: [UInt8] = Array("Notes\n".utf8) + [0xFF, 0xFE, 0x20] + Array("j.okafor@example.org\n".utf8)
        let doc = try CSVFormat.csv.redact(input, path: "t", in: env)
        #expect(Array(doc.bytes[6..<9]) == [0xFF, 0xFE, 0x20])
        #expect(try CSVFormat.csv.scan([], path: "t", in: env).isEmpty)
        #expect(try CSVFormat.csv.redact([], path: "t", in: env).bytes.isEmpty)
        #expect(throws: FormatError.self) { try JSONFormat.json.scan([], path: "t", in: env) }
    }
}

@Suite struct FinderContractTests {
    /// A finder that breaks its promise (overlapping, reversed, out-of-range spans) costs spans,
    /// never the process.
    struct UnrulyFinder: TextFinder {
        func spans(in text: UnsafeBufferPointer<UInt8>, context: FieldContext?) -> [TextSpan] {
            [TextSpan(start: 0, end: 2, category: .nino, rule: "x"), TextSpan(start: 1, end: 3, category: .nino, rule: "x"),
             TextSpan(start: 3, end: 2, category: .nino, rule: "x"), TextSpan(start: 2, end: 1000, category: .nino, rule: "x")]
        }
        func mark(for span: TextSpan, value: UnsafeBufferPointer<UInt8>) -> [UInt8] { Array("M".utf8) }
    }

    @Test func unrulySpansAreDropped() throws {
        let env = Support.env(UnrulyFinder())
        let csv = try CSVFormat.csv.redact("abcd,efgh\n".bytes, path: "t", in: env)
        #expect(csv.bytes.string == "Mcd,Mgh\n")
        let json = try JSONFormat.json.redact(#"["abcd"]"#.bytes, path: "t", in: env)
        #expect(json.bytes.string == #"["Mcd"]"#)
    }
}

@Suite struct JudgeTests {
    /// Keeps NI numbers (as a profile might), redacts the rest.
    static let judge: SpanJudge = { span in
        span.span.category == .nino ? SpanVerdict(redact: false, justification: "keep-test") : SpanVerdict(redact: true, justification: "red-test")
    }

    @Test func keptFindingsStayAsStoredAndAreRecorded() throws {
        var env = Support.env()
        env.judge = Self.judge
        let csv = try CSVFormat.csv.redact("Name,NI Number\nBea Smith,AB 12 34 56 C\n".bytes, path: "t", in: env)
        #expect(csv.bytes.string == "Name,NI Number\n[PERSON NAME],AB 12 34 56 C\n")
        #expect(csv.redactions.map(\.kept) == [false, true])
        #expect(csv.redactions.map(\.justification) == ["red-test", "keep-test"])
        let kept = try #require(csv.redactions.last)
        #expect(csv.bytes.slice(kept.outputStart..<kept.outputEnd) == "AB 12 34 56 C")
        #expect(kept.valueHMAC == nil)
        let json = try JSONFormat.json.redact(#"{"nino": "AB\u002012 34 56 C", "name": "Bea"}"#.bytes, path: "t", in: env)
        #expect(json.bytes.string == #"{"nino": "AB\u002012 34 56 C", "name": "[PERSON NAME]"}"#)
        let text = try TextFormat().redact("NI AB 12 34 56 C, mail j.okafor@example.org".bytes, path: "t", in: env)
        #expect(text.bytes.string == "NI AB 12 34 56 C, mail [EMAIL ADDRESS]")
        #expect(text.redactions.map(\.kept) == [true, false])
    }
}
