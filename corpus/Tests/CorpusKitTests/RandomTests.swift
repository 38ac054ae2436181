import Testing
@testable import CorpusKit

/// The generator's bytes depend on these exact sequences; the expected values come from an
/// independent implementation (Python) of SplitMix64 and xoshiro256**.
@Suite struct RandomTests {
    @Test func splitMix64ReferenceValues() {
        var s = SplitMix64(seed: 0)
        #expect(s.next() == 0xE220_A839_7B1D_CDAF)
        #expect(s.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func xoshiroReferenceValues() {
        var r = CorpusRandom(seed: 42)
        #expect(r.next() == 0x1578_0B2E_0C2E_C716)
        #expect(r.next() == 0x6104_D986_6D11_3A7E)
        #expect(r.next() == 0xAE17_5332_39E4_99A1)
    }

    @Test func helpersStayInRange() {
        var r = CorpusRandom(seed: 7)
        for _ in 0..<10_000 {
            let a = r.int(7)
            #expect(a >= 0 && a < 7)
            let b = r.int(3...9)
            #expect(b >= 3 && b <= 9)
        }
        #expect(r.digits(12).count == 12)
        #expect(r.letters(5, from: "AB").allSatisfy { $0 == "A" || $0 == "B" })
    }

    @Test func streamsAreIndependentOfEachOther() {
        var a = CorpusRandom(seed: 1, stream: 5), b = CorpusRandom(seed: 1, stream: 5), c = CorpusRandom(seed: 1, stream: 6)
        let x = a.next()
        #expect(x == b.next())
        #expect(x != c.next())
    }
}
