import Foundation
import RedactApply
import RedactCore
import Testing
@testable import RedactFormats

@Suite struct JSONTests {
    /// Planted values under telling keys, in nested objects and arrays, written with escapes.
    static let document: [UInt8] = #"""
    {"case": "R-1", "witness": {"name": "Ayodele Okafor", "dob": "12\/03\/1984",
      "nhs": "943 476 5919", "notes": "Email j.okafor@example.org\nphone 07700\u0020900123 \"quoted\"",
      "aliases": ["Ayo \u004fkafor", "A. Okafor"], "account_number": 66374958},
     "records": [{"nino": "AB 12 34 56 C", "emoji": "\ud83d\ude00 SW1A 1AA"}, [], {}],
     "Ayodele Okafor": true, "nhs_number": 9434765919, "n": [1, -2.5e3, null, false]}
    """#.bytes

    static let planted: [(String, String)] = [
        ("Ayodele Okafor", "person_name"), (#"12\/03\/1984"#, "date_of_birth"), ("943 476 5919", "nhs_number"),
        ("j.okafor@example.org", "email_address"), (#"07700\u0020900123"#, "phone_number"),
        (#"Ayo \u004fkafor"#, "person_name"), ("A. Okafor", "person_name"), ("66374958", "bank_account"),
        ("AB 12 34 56 C", "nino"), ("SW1A 1AA", "postcode"), ("9434765919", "nhs_number"),
    ]

    @Test func findsEveryPlantedValueOverItsStoredBytes() throws {
        let spans = try JSONFormat.json.scan(Self.document, path: "t.json", in: Support.env())
        let found = spans.map { (Self.document.slice($0.span.start..<$0.span.end), $0.span.category.rawValue) }
        for (value, category) in Self.planted {
            #expect(found.contains { $0.0 == value && $0.1 == category }, "\(value) as \(category)")
        }
        #expect(spans.first { $0.span.category == .nino }?.field == "#/records/0/nino")
        #expect(spans.first { $0.span.rule == "key.person_name" }?.field == "#/witness/name")
        // The key that is itself a name is found, and never shown in a pointer.
        #expect(spans.contains { $0.field == "#" && $0.span.category == .personName })
        #expect(!spans.contains { $0.field?.contains("Okafor") == true })
    }

    /// A number under a whole-value key is a finding only where a number can be that category:
    /// a count under `email_address` (as in redact's own manifests) is not; an eight-digit date
    /// of birth or a long phone number is.
    @Test func numbersUnderWholeValueKeysOnlyWhereTheyCanBeThatCategory() throws {
        let doc = #"{"counts": {"email_address": 3, "person_name": 12, "phone_number": 2}, "dob": 19800312, "phone": 7700900123, "address": 4}"#.bytes
        let spans = try JSONFormat.json.scan(doc, path: "t.json", in: Support.env())
        let found = spans.map { (doc.slice($0.span.start..<$0.span.end), $0.span.category) }
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.0 == "19800312" && $0.1 == .dateOfBirth })
        #expect(found.contains { $0.0 == "7700900123" && $0.1 == .phoneNumber })
    }

    @Test func redactedCopyIsTheSameJSONWithoutTheValues() throws {
        let doc = try JSONFormat.json.redact(Self.document, path: "t.json", in: Support.env())
        let before = try JSONSerialization.jsonObject(with: Data(Self.document)) as! [String: Any]
        let after = try JSONSerialization.jsonObject(with: Data(doc.bytes)) as! [String: Any]
        #expect(Set(after.keys).count == before.keys.count)
        let witness = try #require(after["witness"] as? [String: Any])
        #expect(witness["name"] as? String == "[PERSON NAME]")
        #expect(witness["notes"] as? String == "Email [EMAIL ADDRESS]\nphone [PHONE NUMBER] \"quoted\"")
        #expect((witness["aliases"] as? [String])?.count == 2)
        #expect(witness["account_number"] as? String == "[BANK ACCOUNT]")
        #expect(after["nhs_number"] as? String == "[NHS NUMBER]")
        #expect((after["records"] as? [Any])?.count == 3)
        #expect((after["n"] as? [Any])?.count == 4)
        let text = doc.bytes.string
        for (value, _) in Self.planted { #expect(!text.contains(value), "\(value)") }
        for r in doc.redactions {
            #expect(doc.bytes.slice(r.outputStart..<r.outputEnd).hasPrefix("["))
        }
    }

    @Test func marksAreEscapedForJSON() throws {
        let finder = WordFinder(words: ["secret": .personName], markText: "a\"b\\c\nd\u{1}")
        let doc = try JSONFormat.json.redact(#"{"k": "x secret y", "secret": 1}"#.bytes, path: "t", in: Support.env(finder))
        let parsed = try JSONSerialization.jsonObject(with: Data(doc.bytes)) as! [String: Any]
        #expect(parsed["k"] as? String == "x a\"b\\c\nd\u{1} y")
        #expect(parsed.count == 2)
    }

    @Test func escapesAreAtomicAndSurrogatesJoin() throws {
        let finder = WordFinder(words: ["é", "😀x"].reduce(into: [:]) { $0[$1] = .personName }, markText: "M")
        let input = #"["caf\u00e9", "\ud83d\ude00x", "\ud83d lone", "\/\b\f\t\r"]"#.bytes
        let spans = try JSONFormat.json.scan(input, path: "t", in: Support.env(finder))
        #expect(spans.map { input.slice($0.span.start..<$0.span.end) } == [#"\u00e9"#, #"\ud83d\ude00x"#])
        let doc = try JSONFormat.json.redact(input, path: "t", in: Support.env(finder))
        #expect(doc.bytes.string == #"["cafM", "M", "\ud83d lone", "\/\b\f\t\r"]"#)
    }

    @Test func jsonLinesRecordsAndBlockSizeIndependence() throws {
        let input = ("{\"name\": \"Ayodele Okafor\"}\n\n{\"notes\": \"NHS 943 476 5919\"}\r\n[\"j.okafor@example.org\"]\n").bytes
        let whole = try Support.stream(JSONFormat.jsonLines, input, chunk: 1 << 20, redact: true)
        #expect(whole.spans.map(\.field) == ["line:1#/name", "line:3#/notes", "line:4#/0"])
        for chunk in [1, 2, 5, 13] {
            let part = try Support.stream(JSONFormat.jsonLines, input, chunk: chunk, redact: true)
            #expect(part.spans == whole.spans, "chunk \(chunk)")
            #expect(part.output == whole.output, "chunk \(chunk)")
        }
        let docChunks = try Support.stream(JSONFormat.json, Self.document, chunk: 3, redact: true)
        #expect(docChunks.output == (try JSONFormat.json.redact(Self.document, path: "t", in: Support.env())).bytes)
        #expect(throws: FormatError.self) { try JSONFormat.json.scan("{} {}".bytes, path: "t", in: Support.env()) }
        #expect(try JSONFormat.jsonLines.scan("".bytes, path: "t", in: Support.env()).isEmpty)
    }

    @Test(arguments: [
        ("", 0), ("{", 1), ("{\"a\" 1}", 5), ("[1,]", 3), ("{\"a\":1,}", 7), ("\"open", 0), ("[01]", 1), ("[tru]", 1),
        ("{\"a\":\"x\u{1}\"}", 7), ("[\"\\x\"]", 3), ("[\"\\u12G4\"]", 6), ("[1] 2", 4), ("[}", 1), ("nul", 0),
    ])
    func malformedJSONIsAnErrorWithItsOffset(_ input: String, _ offset: Int) throws {
        do {
            _ = try JSONFormat.json.redact(input.bytes, path: "bad.json", in: Support.env(WordFinder(words: [:], markText: "")))
            Issue.record("no error for \(input.debugDescription)")
        } catch let e as FormatError {
            #expect(e.kind == .corrupt)
            #expect(e.offset == offset, "\(input.debugDescription): \(e)")
            #expect(e.description.hasPrefix("bad.json: at byte"))
        }
    }

    @Test func deepNestingIsBounded() throws {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        do {
            _ = try JSONFormat.json.scan(deep, path: "t", in: Support.env())
            Issue.record("no error")
        } catch let e as FormatError {
            #expect(e.kind == .limitExceeded && e.offset == 256)
        }
        var ok = [UInt8](repeating: UInt8(ascii: "["), count: 200)
        ok += [UInt8](repeating: UInt8(ascii: "]"), count: 200)
        #expect(try JSONFormat.json.scan(ok, path: "t", in: Support.env()).isEmpty)
    }

    @Test func invalidUTF8PassesThroughUntouched() throws {
        let input: [UInt8] = Array(#"{"notes": "x "#.utf8) + [0xFF, 0xC3] + Array(#" j.okafor@example.org"}"#.utf8)
        let doc = try JSONFormat.json.redact(input, path: "t", in: Support.env())
        #expect(Array(doc.bytes[13..<15]) == [0xFF, 0xC3])
        #expect(doc.bytes.string.hasSuffix("[EMAIL ADDRESS]\"}"))
    }
}
