import Foundation
import RedactCore
import Testing
@testable import RedactContainers

/// A deterministic generator (SplitMix64), so every run mutates the same way and a failure
/// reproduces from its seed and iteration.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

/// Random mutations of a valid input: flipped, inserted (markup-significant bytes mostly),
/// deleted and duplicated bytes, and truncation.
enum Mutator {
    static let interesting = Array("<>&;/=\"'?![]-:#\r\n \t".utf8) + [0x00, 0x80, 0xC3, 0xFF, UInt8(ascii: "x")]

    static func mutate(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = input
        for _ in 0...rng.below(4) {
            guard !b.isEmpty else { return b }
            let at = rng.below(b.count)
            switch rng.below(6) {
            case 0: b[at] ^= UInt8(truncatingIfNeeded: 1 << rng.below(8))
            case 1: b.insert(interesting[rng.below(interesting.count)], at: at)
            case 2: b.removeSubrange(at..<min(b.count, at + 1 + rng.below(16)))
            case 3:
                let piece = b[at..<min(b.count, at + 1 + rng.below(32))]
                b.insert(contentsOf: piece, at: rng.below(b.count))
            case 4: b[at] = interesting[rng.below(interesting.count)]
            default: b.removeSubrange(at...)
            }
        }
        return b
    }
}

/// Seeded random-mutation fuzzing of the XML tokenizer, the MIME parser and the DOCX reader:
/// every mutated input gives a result or a `FormatError`/`XMLError`, never a crash or another
/// error. Fast enough for CI (a few seconds). `REDACT_FUZZ_SCALE=N` runs N times as many
/// iterations and `REDACT_FUZZ_SEED` shifts the seeds, for a longer hunt by hand; a crashing
/// input found that way is kept below as a regression test.
@Suite struct FuzzTests {
    let env = testEnvironment()
    let scale = Int(ProcessInfo.processInfo.environment["REDACT_FUZZ_SCALE"] ?? "") ?? 1
    let seedShift = UInt64(ProcessInfo.processInfo.environment["REDACT_FUZZ_SEED"] ?? "") ?? 0

    @Test func xmlTokenizer() throws {
        var rng = SeededRandom(seed: 7 &+ seedShift)
        let seeds = [DocxFixture.document, DocxFixture.core, DocxFixture.comments, DocxFixture.documentRels].map { Array($0.utf8) }
        for _ in 0..<3000 * scale {
            let input = Mutator.mutate(seeds[rng.below(seeds.count)], &rng)
            do {
                try XMLTokenizer(input).forEachToken { token, _ in
                    if token.kind == .text { _ = try XMLText.decode(input, token.content) }
                    for a in token.attributes { _ = try XMLText.decode(input, a.value) }
                }
                _ = try WordPartReader(part: "word/document.xml", bytes: input, limits: .default).units()
                _ = try ValuePartReader.units(part: "docProps/core.xml", bytes: input, limits: .default)
            } catch is XMLError {
            }
        }
    }

    @Test func mimeParserAndEmailFormat() throws {
        var rng = SeededRandom(seed: 11 &+ seedShift)
        let small = try makeZip([("word/document.xml", Array(DocxFixture.story("document", "NI AB123456C").utf8))])
        let seed = EmailFixture.message(docx: small)
        let html = Array("Content-Type: text/html; charset=utf-8\r\n\r\n<p class='a'>Dear Mr&nbsp;<b>John</b> Smith &#64; <!-- x --></p><br/>NI AB123456C &amp;".utf8)
        for i in 0..<300 * scale {
            let input = Mutator.mutate(html, &rng)
            expectResultOrFormatError("html \(i)") { _ = try EmailFormat().redact(input, path: "m.eml", in: env) }
        }
        for i in 0..<600 * scale {
            let input = Mutator.mutate(seed, &rng)
            expectResultOrFormatError("email \(i)") { _ = try EmailFormat().scan(input, path: "m.eml", in: env) }
            if i % 4 == 0 {
                expectResultOrFormatError("email redact \(i)") { _ = try EmailFormat().redact(input, path: "m.eml", in: env) }
            }
        }
    }

    @Test func docxReader() throws {
        var rng = SeededRandom(seed: 13 &+ seedShift)
        let packaged = try DocxFixture.bytes()
        for i in 0..<300 * scale {
            // Mutations of the package bytes (mostly caught by the zip checks) ...
            let input = Mutator.mutate(packaged, &rng)
            expectResultOrFormatError("docx bytes \(i)") { _ = try DocxFormat().scan(input, path: "s.docx", in: env) }
            // ... and packages of mutated parts, which reach the XML readers.
            var members = DocxFixture.members
            let k = rng.below(members.count)
            members[k].1 = Mutator.mutate(members[k].1, &rng)
            let rebuilt = try makeZip(members)
            expectResultOrFormatError("docx part \(i)") { _ = try DocxFormat().redact(rebuilt, path: "s.docx", in: env) }
        }
    }

    @Test func zipBundle() throws {
        var rng = SeededRandom(seed: 17 &+ seedShift)
        let bundle = try makeZip([("a.txt", Array("NI AB123456C".utf8)), ("b.eml", EmailFixture.message(docx: []))])
        for i in 0..<400 * scale {
            let input = Mutator.mutate(bundle, &rng)
            expectResultOrFormatError("zip \(i)") { _ = try ZipBundleFormat().scan(input, path: "b.zip", in: env) }
        }
    }

    // MARK: - Edge cases next to the fuzzed ground (no crashing input has been found so far)

    /// A delimiter line at the very end of the body, with no close delimiter or line break.
    @Test func delimiterAtEndOfBody() throws {
        let m = Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nNI AB123456C\r\n--b".utf8)
        let spans = try EmailFormat().scan(m, path: "m.eml", in: env)
        #expect(spans.map(\.span.category) == [.nino])
    }

    func expectResultOrFormatError(_ what: String, _ body: () throws -> Void) {
        do {
            try body()
        } catch is FormatError {
        } catch {
            Issue.record("\(what): not a FormatError: \(error)")
        }
    }
}
