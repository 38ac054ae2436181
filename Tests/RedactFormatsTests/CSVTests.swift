import RedactApply
import RedactCore
import Testing
@testable import RedactFormats

/// A plain RFC 4180 reader for checking outputs (independent of `CSVParser`).
func parseCSV(_ bytes: [UInt8], delimiter: UInt8 = 0x2C) -> [[String]]? {
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var quoted = false
    var wasQuoted = false
    while i < bytes.count {
        let b = bytes[i]
        if quoted {
            if b == 0x22 {
                if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                quoted = false
            } else { field.append(b) }
            i += 1
            continue
        }
        if b == 0x22 && field.isEmpty && !wasQuoted { quoted = true; wasQuoted = true; i += 1; continue }
        if wasQuoted && b != delimiter && b != 0x0A && b != 0x0D { return nil }
        if b == delimiter {
            row.append(field.string); field = []; wasQuoted = false
        } else if b == 0x0A {
            row.append(field.string); rows.append(row); row = []; field = []; wasQuoted = false
        } else if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
        } else { field.append(b) }
        i += 1
    }
    if quoted { return nil }
    if !field.isEmpty || !row.isEmpty || wasQuoted { row.append(field.string); rows.append(row) }
    return rows
}

@Suite struct CSVTests {
    /// Planted values in every column; a quoted cell with a doubled quote and a line break;
    /// CRLF rows; a BOM.
    static let document: [UInt8] = Array(("\u{FEFF}Name,DOB,NI Number,Notes,Account number,Email,Phone,Address,Ref\r\n"
        + "Ayodele Okafor,12/03/1984,AB 12 34 56 C,\"NHS 943 476 5919, said \"\"call 07700 900123\"\"\r\nthen left\",66374958,j.okafor@example.org,07700 900456,\"1 High St, Leeds LS1 4AB\",R-1\r\n"
        + "\"Okafor, Ayo\",1984-03-12,,plain note,1234 5678,x@example.com,020 7946 0018,,R-2\r\n"
        + "  ,,,,,,,,R-3\r\n").utf8)

    static let planted: [(String, String)] = [
        ("Ayodele Okafor", "person_name"), ("12/03/1984", "date_of_birth"), ("AB 12 34 56 C", "nino"),
        ("943 476 5919", "nhs_number"), ("07700 900123", "phone_number"), ("66374958", "bank_account"),
        ("j.okafor@example.org", "email_address"), ("07700 900456", "phone_number"), ("1 High St, Leeds LS1 4AB", "address"),
        ("Okafor, Ayo", "person_name"), ("1984-03-12", "date_of_birth"), ("1234 5678", "bank_account"),
        ("x@example.com", "email_address"), ("020 7946 0018", "phone_number"),
    ]

    @Test func findsEveryPlantedValueAtItsFileOffsets() throws {
        let spans = try CSVFormat.csv.scan(Self.document, path: "t.csv", in: Support.env())
        let found = spans.map { (Self.document.slice($0.span.start..<$0.span.end), $0.span.category.rawValue) }
        for (value, category) in Self.planted {
            #expect(found.contains { $0.0 == value && $0.1 == category }, "\(value) as \(category)")
        }
        #expect(spans.allSatisfy { $0.locator == nil && $0.field?.hasPrefix("row:") == true })
        let name = try #require(spans.first { $0.span.category == .personName })
        #expect(name.span.rule == "column.person_name")
        #expect(name.field == "row:2,col:1")
        // The header row is not a finding; the blank cell of a Name column is not either.
        #expect(!found.contains { $0.0 == "Name" || $0.0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(!found.contains { $0.0.contains("R-") })
    }

    @Test func redactedCopyKeepsTheTableAndDropsEveryValue() throws {
        let doc = try CSVFormat.csv.redact(Self.document, path: "t.csv", in: Support.env())
        let before = try #require(parseCSV(Self.document))
        let after = try #require(parseCSV(doc.bytes))
        #expect(after.count == before.count)
        #expect(after.map(\.count) == before.map(\.count))
        for (value, _) in Self.planted { #expect(!doc.bytes.string.contains(value), "\(value)") }
        #expect(after[1][0] == "[PERSON NAME]")
        #expect(after[1][3] == "NHS [NHS NUMBER], said \"call [PHONE NUMBER]\"\r\nthen left")
        #expect(after[3][8] == "R-3")
        #expect(doc.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        // Output ranges point at the marks.
        for r in doc.redactions {
            let mark = doc.bytes.slice(r.outputStart..<r.outputEnd)
            #expect(mark.hasPrefix("[") && mark.hasSuffix("]"), "\(mark)")
        }
    }

    @Test func resultsDoNotDependOnTheBlockSize() throws {
        let whole = try Support.stream(CSVFormat.csv, Self.document, chunk: 1 << 20, redact: true)
        for chunk in [1, 2, 3, 7, 64] {
            let part = try Support.stream(CSVFormat.csv, Self.document, chunk: chunk, redact: true)
            #expect(part.spans == whole.spans, "chunk \(chunk)")
            #expect(part.output == whole.output, "chunk \(chunk)")
        }
        let inMemory = try CSVFormat.csv.redact(Self.document, path: "t", in: Support.env())
        #expect(inMemory.bytes == whole.output)
    }

    @Test func marksHoldingDelimitersQuotesOrLineBreaksAreQuoted() throws {
        let finder = WordFinder(words: ["secret": .personName], markText: "a,\"b\"\nc")
        let input = "h1,h2\nsecret,x \"q\" secret\n\"in secret\",\"\"\n".bytes
        let doc = try CSVFormat.csv.redact(input, path: "t", in: Support.env(finder))
        let rows = try #require(parseCSV(doc.bytes))
        #expect(rows == [["h1", "h2"], ["a,\"b\"\nc", "x \"q\" a,\"b\"\nc"], ["in a,\"b\"\nc", ""]])
        let tsv = try CSVFormat.tsv.redact("a\tb\nsecret\tz\n".bytes, path: "t", in: Support.env(WordFinder(words: ["secret": .nino], markText: "x\ty")))
        #expect(parseCSV(tsv.bytes, delimiter: 0x09) == [["a", "b"], ["x\ty", "z"]])
    }

    @Test func lineEndingsAndEdgesArePreserved() throws {
        let finder = WordFinder(words: ["secret": .personName], markText: "[X]")
        for (input, expected) in [
            ("", ""), ("\n", "\n"), ("secret", "[X]"), ("secret\r", "[X]\r"), ("a,secret,\r\n", "a,[X],\r\n"),
            ("\"secret\"", "\"[X]\""), ("\"secret\"\r\n", "\"[X]\"\r\n"), ("x\"secret", "x\"[X]"),
        ] {
            let doc = try CSVFormat.csv.redact(input.bytes, path: "t", in: Support.env(finder))
            #expect(doc.bytes.string == expected, "\(input.debugDescription)")
        }
    }

    @Test func malformedAndOversizedFieldsAreClearErrors() throws {
        let finder = WordFinder(words: [:], markText: "")
        #expect(throws: FormatError.self) { try CSVFormat.csv.scan("a,\"open\nb,c\n".bytes, path: "t", in: Support.env(finder)) }
        do {
            _ = try CSVFormat.csv.scan("a,\"b\"c\n".bytes, path: "t.csv", in: Support.env(finder))
            Issue.record("no error")
        } catch let e as FormatError {
            #expect(e.kind == .corrupt && e.offset == 5)
            #expect(e.description.contains("t.csv"))
        }
        var limits = FormatLimits()
        limits.maxFieldBytes = 100
        let long = ("h\n" + String(repeating: "y", count: 1000) + "\n").bytes
        do {
            _ = try Support.stream(CSVFormat.csv, long, chunk: 64, finder: finder, limits: limits)
            Issue.record("no error")
        } catch let e as FormatError {
            #expect(e.kind == .limitExceeded && e.offset == 2)
        }
    }

    /// Ten million bytes in one cell: streamed in 64 KiB blocks, scanned, found.
    @Test func tenMillionByteFieldIsScannedWithinTheLimit() throws {
        var input = "Notes\n\"".bytes
        input += [UInt8](repeating: UInt8(ascii: "a"), count: 5_000_000)
        input += " j.okafor@example.org ".bytes
        input += [UInt8](repeating: UInt8(ascii: "b"), count: 5_000_000)
        input += "\"\n".bytes
        let result = try Support.stream(CSVFormat.csv, input, chunk: 1 << 16)
        #expect(result.spans.map(\.span.category) == [.emailAddress])
        #expect(result.spans.first.map { input.slice($0.span.start..<$0.span.end) } == "j.okafor@example.org")
    }
}

@Suite struct CSVDialectTests {
    /// With the real styles, a redacted copy sniffs the same delimiter as its original, so it
    /// reads back as the same table.
    @Test(arguments: [RedactionStyle.label, .mask, .block, .pseudonym])
    func redactedCopiesKeepTheirDelimiter(_ style: RedactionStyle) throws {
        for document in ["Name;DOB;Notes\nAyodele Okafor;12/03/1984;\"a; b, c\"\n", "Name|Email\n\"Okafor, A\"|j.okafor@example.org\n",
                         "Name,Notes\nAyodele Okafor,x;y;z|w\n", "Surname\tFirst\nOkafor\tAyodele\n"] {
            let bytes = document.bytes
            let finder = EngineTextFinder(engine: Support.engine, replacer: Replacer(style: style, key: Array("k".utf8)))
            let copy = try CSVFormat.csv.redact(bytes, path: "t", in: Support.env(finder))
            #expect(copy.bytes.withUnsafeBufferPointer { CSVParser.sniff($0) } == bytes.withUnsafeBufferPointer { CSVParser.sniff($0) })
            let fields = try CSVFormat.csv.scan(bytes, path: "t", in: Support.env(FormatFuzzing.EveryFieldFinder())).map(\.field)
            let again = try CSVFormat.csv.scan(copy.bytes, path: "t", in: Support.env(FormatFuzzing.EveryFieldFinder())).map(\.field)
            #expect(fields == again, "\(style) \(document.debugDescription)")
        }
    }
}
