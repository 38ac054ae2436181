import Foundation
import RedactLog
import Testing
@testable import RedactQA

@Suite struct SampleTests {
    static func disclosures(_ n: Int) -> [DisclosureSummary] {
        (0..<n).map { i in
            DisclosureSummary(entryID: UUID().uuidString.lowercased(), recordedAt: Date(timeIntervalSince1970: Double(i)),
                              area: "cps-wessex", caseReference: "C\(i)", documentName: "d\(i).txt",
                              redactedSHA256: String(repeating: "0", count: 64), recipient: "defence")
        }
    }

    @Test func theSameInputsGiveTheSameSample() {
        let all = Self.disclosures(500)
        let a = QASample.select(all, rate: 0.1, seed: 42)
        #expect(a == QASample.select(all, rate: 0.1, seed: 42))
        // Order of reading does not matter: each entry is drawn on its own.
        #expect(Set(QASample.select(all.reversed(), rate: 0.1, seed: 42).map(\.entryID)) == Set(a.map(\.entryID)))
        #expect(a.map(\.entryID) != QASample.select(all, rate: 0.1, seed: 43).map(\.entryID))
    }

    @Test func theRateIsMetAndHigherRatesAddToTheSample() {
        let all = Self.disclosures(4000)
        let tenth = QASample.select(all, rate: 0.1, seed: 7)
        // Binomial(4000, 0.1): mean 400, sd 19; six sd either side.
        #expect((286...514).contains(tenth.count), "\(tenth.count)")
        let quarter = QASample.select(all, rate: 0.25, seed: 7)
        #expect((870...1130).contains(quarter.count), "\(quarter.count)")
        #expect(Set(tenth.map(\.entryID)).isSubset(of: Set(quarter.map(\.entryID))))
        #expect(QASample.select(all, rate: 1, seed: 7).count == all.count)
    }

    @Test func scoresAreUniform() {
        // Ten buckets of 10,000 scores: each within 6 sd of 1,000.
        var buckets = [Int](repeating: 0, count: 10)
        for i in 0..<10_000 { buckets[Int(QASample.score(entryID: "id-\(i)", seed: 1) * 10)] += 1 }
        #expect(buckets.allSatisfy { (820...1180).contains($0) }, "\(buckets)")
    }
}
