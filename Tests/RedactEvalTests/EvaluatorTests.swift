import Foundation
import RedactCore
import Testing
@testable import RedactEval

/// Hand-made cases, one metric at a time.
@Suite struct EvaluatorTests {
    // "NHS 401 023 2137 and Zoë Smith." with the items at known offsets.
    let nhs = TruthItem(path: "a.txt", start: 4, end: 16, category: .nhsNumber, text: "401 023 2137")
    let name = TruthItem(path: "a.txt", start: 21, end: 31, category: .personName, text: "Zoë Smith") // ë is 2 bytes

    func f(_ s: Int, _ e: Int, _ c: Category, path: String = "a.txt") -> FindingRecord {
        FindingRecord(path: path, start: s, end: e, category: c, rule: "r")
    }

    @Test func strictRecallNeedsLettersAndDigitsNotSeparators() {
        // Three pieces, spaces uncovered: still found.
        let pieces = [f(4, 7, .nhsNumber), f(8, 11, .nhsNumber), f(12, 16, .nhsNumber)]
        var r = evaluate(truth: [nhs], decoys: [], findings: pieces)
        #expect(r.perCategory["nhs_number"]?.strictFound == 1)
        // A digit left out: not found.
        r = evaluate(truth: [nhs], decoys: [], findings: [f(4, 7, .nhsNumber), f(8, 11, .nhsNumber), f(12, 15, .nhsNumber)])
        #expect(r.perCategory["nhs_number"]?.strictFound == 0)
        #expect(r.perCategory["nhs_number"]?.coveredFound == 0)
        #expect(r.strictMisses.count == 1)
    }

    @Test func nonASCIILettersMustBeCovered() {
        // Covers "Zo" and the first byte of "ë" only, then "Smith".
        let r = evaluate(truth: [name], decoys: [], findings: [f(21, 24, .personName), f(26, 31, .personName)])
        #expect(r.perCategory["person_name"]?.strictFound == 0)
        let ok = evaluate(truth: [name], decoys: [], findings: [f(21, 25, .personName), f(26, 31, .personName)])
        #expect(ok.perCategory["person_name"]?.strictFound == 1)
    }

    @Test func coverageRecallAcceptsAnyCategory() {
        let r = evaluate(truth: [nhs], decoys: [], findings: [f(4, 16, .phoneNumber)])
        let s = r.perCategory["nhs_number"]!
        #expect(s.strictFound == 0 && s.coveredFound == 1)
        #expect(s.strictRecall == 0 && s.coverageRecall == 1)
        // Mixed categories together cover it.
        let mixed = evaluate(truth: [nhs], decoys: [], findings: [f(4, 10, .nhsNumber), f(10, 16, .sortCode)])
        #expect(mixed.perCategory["nhs_number"]!.coveredFound == 1 && mixed.perCategory["nhs_number"]!.strictFound == 0)
    }

    @Test func precisionSplitsTrueMiscategorisedAndFalse() {
        let findings = [
            f(4, 16, .nhsNumber),      // true positive
            f(21, 31, .nhsNumber),     // overlaps the name: miscategorised
            f(40, 45, .nhsNumber),     // nothing there: false positive
            f(25, 28, .personName),    // partial, same category: true positive
        ]
        let r = evaluate(truth: [nhs, name], decoys: [], findings: findings)
        let n = r.perCategory["nhs_number"]!
        #expect(n.findings == 3 && n.truePositives == 1 && n.miscategorised == 1 && n.falsePositives == 1)
        #expect(abs(n.precision! - 1.0 / 3.0) < 1e-9)
        #expect(abs(n.redactionPrecision! - 2.0 / 3.0) < 1e-9)
        #expect(r.perCategory["person_name"]!.truePositives == 1)
        #expect(r.overall.findings == 4 && r.overall.truePositives == 2)
        #expect(r.miscategorised.first?.note?.contains("person_name") == true)
    }

    @Test func decoysHitCountsDecoysNotFindings() {
        let decoys = [
            DecoyItem(path: "a.txt", start: 50, end: 55, text: "14:35", looksLike: .ipAddress, kind: "time"),
            DecoyItem(path: "a.txt", start: 60, end: 70, text: "Dr Martens", looksLike: .personName, kind: "brand"),
        ]
        let r = evaluate(truth: [nhs], decoys: decoys, findings: [f(50, 52, .ipAddress), f(53, 55, .ipAddress), f(70, 75, .personName)])
        #expect(r.decoysHit == 1 && r.decoysTotal == 2)
        #expect(r.decoysByKind["time"] == DecoyKindScore(total: 1, hit: 1))
        #expect(r.decoysByKind["brand"] == DecoyKindScore(total: 1, hit: 0))   // adjacent, not overlapping
        #expect(r.perCategory["ip_address"]!.decoysHit == 1)
        #expect(r.decoyHitRate == 0.5)
    }

    @Test func pathsMatchBySuffixOrRoot() {
        let inDir = f(4, 16, .nhsNumber, path: "corpus/sample/a.txt")
        #expect(evaluate(truth: [nhs], decoys: [], findings: [inDir]).perCategory["nhs_number"]!.strictFound == 1)
        let dotted = f(4, 16, .nhsNumber, path: "./a.txt")
        #expect(evaluate(truth: [nhs], decoys: [], findings: [dotted]).perCategory["nhs_number"]!.strictFound == 1)
        // "xa.txt" is not "a.txt"; a party list is outside the corpus.
        let other = [f(4, 16, .nhsNumber, path: "dir/xa.txt"), f(0, 5, .personName, path: "dir/a.parties.txt")]
        let r = evaluate(truth: [nhs], decoys: [], findings: other)
        #expect(r.findingsOutsideCorpus == 2 && r.overall.findings == 0)
        // With a root, the prefix is stripped first; the longest suffix wins otherwise.
        let m = PathMatcher(corpusPaths: ["a.txt", "sub/a.txt"], root: "/data/corpus")
        #expect(m.match("/data/corpus/a.txt") == "a.txt")
        #expect(m.match("/elsewhere/sub/a.txt") == "sub/a.txt")
        #expect(m.match("/elsewhere/b.txt") == nil)
    }

    @Test func variantsAreScoredSeparately() {
        var chi = nhs
        chi.variant = "chi"
        let r = evaluate(truth: [chi], decoys: [], findings: [f(4, 16, .nhsNumber)])
        #expect(r.perVariant["nhs_number/chi"] == VariantScore(truth: 1, strictFound: 1, coveredFound: 1))
    }

    @Test func emptyInputsGiveNilRatios() {
        let r = evaluate(truth: [], decoys: [], findings: [])
        #expect(r.overall.strictRecall == nil && r.overall.precision == nil && r.decoyHitRate == nil)
    }
}
