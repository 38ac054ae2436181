import Testing
import RedactPatterns
@testable import RedactScan

/// Trigger runs collected slice by slice (`collectRuns(open:)`, as the scan collects them) are
/// the runs of the whole range: a run that crosses a slice edge is one run, with its length.
@Suite struct TriggerRunTests {
    let scanner = TriggerScanner(groups: [.digits, ByteSet([UInt8(ascii: "@")]), ByteSet(UInt8(ascii: "0")...UInt8(ascii: "4"))])

    func whole(_ text: [UInt8]) -> [TriggerRun] {
        var runs: [TriggerRun] = []
        text.withUnsafeBufferPointer { scanner.collectRuns($0.baseAddress!, from: 0, to: $0.count, into: &runs) }
        return runs
    }

    func sliced(_ text: [UInt8], slice: Int) -> [TriggerRun] {
        var runs: [TriggerRun] = []
        var open = TriggerRun.none
        text.withUnsafeBufferPointer { b in
            var from = 0
            while from < b.count {
                let to = min(b.count, from + slice)
                scanner.collectRuns(b.baseAddress!, from: from, to: to, into: &runs, open: &open)
                from = to
            }
        }
        if open.first >= 0 { runs.append(open) }
        return runs
    }

    @Test func slicesGiveTheWholeRangesRuns() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789@ a.".utf8)
        for _ in 0..<300 {
            let count = Int.random(in: 0...700, using: &rng)
            // Long digit runs as well as short ones, so runs cross 32-byte blocks and slices.
            var text: [UInt8] = []
            while text.count < count {
                if Int.random(in: 0..<8, using: &rng) == 0 {
                    text += (0..<Int.random(in: 20...90, using: &rng)).map { _ in UInt8(ascii: "5") + UInt8.random(in: 0...4, using: &rng) }
                } else {
                    text.append(alphabet.randomElement(using: &rng)!)
                }
            }
            let want = whole(text)
            for slice in [1, 7, 32, 64, 100] {
                let got = sliced(text, slice: slice)
                #expect(got.map { [$0.first, $0.last, Int($0.mask)] } == want.map { [$0.first, $0.last, Int($0.mask)] },
                        "slice \(slice): \(String(decoding: text, as: UTF8.self))")
            }
        }
    }
}
