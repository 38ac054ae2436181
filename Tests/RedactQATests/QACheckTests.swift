import Foundation
import RedactApply
import Testing
@testable import RedactQA

/// The QA second check on a correct, an under-redacted, an over-redacted and a corrupted output,
/// for every redaction style.
@Suite struct QACheckTests {
    static let styles: [RedactionStyle] = [.label, .block, .mask, .pseudonym]

    @Test(arguments: styles)
    func aCorrectCopyPasses(style: RedactionStyle) throws {
        let r = try QA.redact(style)
        let report = try QA.check(r)
        #expect(report.result == .pass, "\(report.problems)")
        #expect(report.summary == [:])
        #expect(report.spans == Doc.planted.count)
        #expect(report.bytesCompared > 0)
        #expect(report.bytesOriginal == Doc.text.utf8.count)
    }

    @Test func maskedTitledNamesLieInsideTheMarks() throws {
        // `Mr XXXX XXXXX` is a titled name to the scanner, made of the title and the mark.
        let r = try QA.redact(.mask)
        #expect(try String(contentsOfFile: r.copy, encoding: .utf8).contains("Mr XXXX XXXXX"))
        let report = try QA.check(r)
        #expect(report.result == .pass)
        #expect(report.findingsInsideMarks >= 1)
    }

    @Test(arguments: styles)
    func aCategoryLeftUnredactedIsAFindingLeft(style: RedactionStyle) throws {
        let r = try QA.redact(style, excluding: ["postcode"])
        let report = try QA.check(r)
        #expect(report.result == .fail)
        #expect(report.summary == ["finding-left": 1])
        #expect(report.leftByCategory == ["postcode": 1])
        let p = try #require(report.problems.first)
        #expect(p.line == 5 && p.column == 18)
        #expect(p.text == nil, "no text unless asked")
        #expect(try QA.check(r, showText: true).problems.first?.text == Doc.postcode)
    }

    @Test(arguments: styles)
    func aValueLeftInsideItsSpanFailsTheSpanAndIsFound(style: RedactionStyle) throws {
        let r = try QA.redact(style)
        let k = try #require(try r.manifest.redactions.firstIndex { $0.category == "nhs_number" })
        try QA.replaceSpan(r, k, with: Array(Doc.nhs.utf8))
        let report = try QA.check(r)
        #expect(report.summary == ["span-not-redacted": 1, "finding-left": 1], "\(report.problems)")
        #expect(report.problems.contains { $0.check == .spanNotRedacted && $0.detail == "unchanged" && $0.span == k })
        #expect(report.leftByCategory == ["nhs_number": 1])
    }

    @Test(arguments: styles)
    func aWrongMarkIsNotARedaction(style: RedactionStyle) throws {
        let r = try QA.redact(style)
        let k = try #require(try r.manifest.redactions.firstIndex { $0.category == "nino" })
        try QA.replaceSpan(r, k, with: Array("[SOMETHING]".utf8))
        let report = try QA.check(r)
        #expect(report.summary == ["span-not-redacted": 1])
        #expect(report.problems.first?.detail == "not-a-mark")
    }

    @Test(arguments: styles)
    func aByteChangedOutsideTheSpansIsFound(style: RedactionStyle) throws {
        let r = try QA.redact(style)
        var out = try r.bytes()
        let at = try #require(out.firstIndex(of: UInt8(ascii: "W")))  // "WITNESS", before any span
        out[at] = UInt8(ascii: "V")
        out[at + 2] = UInt8(ascii: "x")
        try r.write(out)
        var m = try r.manifest
        try QA.restamp(r, &m, redacted: out)
        let report = try QA.check(r)
        #expect(report.summary == ["changed-outside": 2], "\(report.problems)")
        #expect(report.problems.map(\.outputStart) == [at, at + 2])
        #expect(report.problems.allSatisfy { $0.originalStart == $0.outputStart })
    }

    @Test(arguments: styles)
    func textRedactedBeyondTheManifestIsFound(style: RedactionStyle) throws {
        // Over-redaction: a word outside every span blacked out, and bytes removed.
        let r = try QA.redact(style)
        var out = try r.bytes()
        let text = String(decoding: out, as: UTF8.self)
        let range = try #require(text.range(of: "station"))
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        out.replaceSubrange(start..<(start + 7), with: Array("XXXXXXX".utf8))
        try r.write(out)
        var m = try r.manifest
        try QA.restamp(r, &m, redacted: out)
        #expect(try QA.check(r).summary == ["changed-outside": 1])

        out.removeSubrange(start..<(start + 7))
        try r.write(out)
        try QA.restamp(r, &m, redacted: out)
        let report = try QA.check(r)
        #expect(report.result == .fail)
        #expect(report.count(.changedOutside) >= 1)
        #expect(report.problems.contains { $0.check == .changedOutside })
    }

    @Test(arguments: styles)
    func aTruncatedCopyFails(style: RedactionStyle) throws {
        let r = try QA.redact(style)
        let out = try r.bytes()
        try r.write(Array(out.prefix(out.count / 2)))
        let report = try QA.check(r)
        #expect(report.result == .fail)
        #expect(report.problems.contains { $0.check == .changedOutside && $0.detail == "truncated" })
        #expect(report.problems.contains { $0.check == .manifest && $0.detail == "bytes-redacted" })
        #expect(report.problems.contains { $0.check == .manifest && $0.detail == "sha256-redacted" })
        #expect(report.bytesRedacted == out.count / 2)
    }

    @Test(arguments: styles)
    func aManifestForOtherFilesFails(style: RedactionStyle) throws {
        let r = try QA.redact(style)
        var m = try r.manifest
        m.sha256Original = String(repeating: "0", count: 64)
        try r.write(m)
        #expect(try QA.check(r).summary == ["manifest": 1])

        // Spans that cannot describe any pair of files.
        m = try r.manifest
        m.redactions[1].output.start += 1
        try r.write(m)
        let report = try QA.check(r)
        #expect(report.problems.first?.detail == "spans-misaligned")
        #expect(report.problems.first?.span == 1)
    }

    @Test func findingsMadeByMovedContextAreNotLeftovers() throws {
        // `[IBAN]` is 16 bytes shorter than the IBAN, which brings "account" within reach of
        // `2025 1154` (a date and a time): an account number to the scanner, in the copy only.
        let text = "Funds moved from the account to IBAN GB13WMAR12135855905206 yesterday.\n1st October 2025 1154 hrs - transfer rejected.\n"
        let r = try QA.redact(.label, text: text)
        let report = try QA.check(r)
        #expect(report.result == .pass, "\(report.problems)")
        #expect(report.findingsFromShiftedContext == 1)

        // The same finding with bytes that are not the original's counts (and so does the change).
        var out = try r.bytes()
        let at = try #require(out.firstRange(of: Array("1154".utf8)))
        out[at.upperBound - 1] = UInt8(ascii: "5")
        try r.write(out)
        var m = try r.manifest
        try QA.restamp(r, &m, redacted: out)
        let changed = try QA.check(r)
        #expect(changed.summary == ["finding-left": 1, "changed-outside": 1], "\(changed.problems)")
        #expect(changed.leftByCategory == ["bank_account": 1])
    }

    @Test func unusableInputsAreErrorsNotFailures() throws {
        let r = try QA.redact(.label)
        try Data("{\"not\": \"a manifest\"}".utf8).write(to: URL(fileURLWithPath: r.manifestPath))
        let bad = #expect(throws: QAError.self) { try QA.check(r) }
        #expect(bad?.kind == .badManifest)
        #expect(bad?.description.contains("not a redact manifest") == true)

        let r2 = try QA.redact(.label)
        try FileManager.default.removeItem(atPath: r2.copy)
        let missing = #expect(throws: QAError.self) { try QA.check(r2) }
        #expect(missing?.kind == .unreadable)
    }

    @Test(arguments: [1, 5, 64])
    func resultsDoNotDependOnTheBlockSize(chunk: Int) throws {
        let r = try QA.redact(.mask, excluding: ["postcode"])
        let whole = try QA.check(r)
        let small = try QA.check(r, chunkSize: chunk)
        #expect(small.summary == whole.summary)
        #expect(small.problems == whole.problems)
        #expect(small.redactedSHA256 == whole.redactedSHA256 && small.originalSHA256 == whole.originalSHA256)
        #expect(small.bytesCompared == whole.bytesCompared)
    }

    @Test func reportsNeverCarryTheTextByDefault() throws {
        let r = try QA.redact(.label, excluding: ["postcode", "nhs_number"])
        let report = try QA.check(r)
        #expect(report.result == .fail)
        for text in [QAReportText.human(report), QAReportText.json(report)] {
            for value in Doc.planted { #expect(!text.contains(value), "\(value)") }
        }
        let json = try JSONSerialization.jsonObject(with: Data(QAReportText.json(report).utf8)) as? [String: Any]
        #expect(json?["result"] as? String == "fail")
        #expect((json?["checks"] as? [String: Int])?["finding-left"] == 2)
    }

    @Test func keptSpansMustHoldTheOriginal() throws {
        // A decision not to redact (style keep): the span stays as it was, and the scanner's
        // finding there is not a leftover.
        let r = try QA.redact(.label)
        var m = try r.manifest
        let k = try #require(m.redactions.firstIndex { $0.category == "postcode" })
        m.redactions[k].style = MarkCheck.keepStyle
        try r.write(m)
        try QA.replaceSpan(r, k, with: Array(Doc.postcode.utf8))
        let report = try QA.check(r)
        #expect(report.result == .pass, "\(report.problems)")
        #expect(report.findingsInsideMarks == 1)

        try QA.replaceSpan(r, k, with: Array("SW1A 1AB".utf8))
        #expect(try QA.check(r).problems.first?.detail == "kept-changed")
    }
}
