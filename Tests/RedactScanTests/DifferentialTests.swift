import Testing
import PropertyBased
@testable import RedactScan

/// Random case-like text built from fragments that exercise every rule, near-misses,
/// separators, line breaks and non-ASCII bytes.
enum TextGen {
    static let fragments: [String] = [
        "943 476 5919", "9434765919", "943-476-5919", "943 476 5918", "401 023 2137", "12-03-21", "sort code ",
        "s/c ", "section ", "1234567", "87654321", "j.smith@example.org", "a@b.co", "@", "x@y", "Mr ", "Mrs ",
        "Dr ", "Mr Justice ", "Dr Martens", "Okafor", "Patel-Jones", "John Smith", "SMITH, John", "Smith",
        "John", "Zoë O'Neill", "O'Neill", "Łukasz Nowak-Kowalski", "Siobhán Mary Kelly", "Kelly, Siobhán",
        "diagnosed with ", "diabetes", "type 2 diabetes", "Ménière's disease", "epilepsy", "zz1f", "ZZ99",
        "'s", "-", " ", " ", " ", "\n", "\r\n", ", ", ". ", "the ", "and ", "case ", "0", "7", "42", "2024",
        "SW1A 1AA", "M1 1AE", "m1 1ae", "EC1A  1BB", "AB 12 34 56 C", "ab123456c", "QQ-12-34-56-A", "AB  12 34 56 C",
        "B", "Q", "c", "Z9", "9Z",
        "12 High Street", "7  Mill Road", "123 Long Road", "Road", "1", "\u{2019}", "\u{00A0}", "é", "\u{FFFD}", "\t",
    ].map { $0 }
    static let rawBytes: [[UInt8]] = [[0xFF], [0xC3], [0x80], [0xE2, 0x80]]

    static func text(_ picks: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        for p in picks {
            if p % 23 == 0 { out += rawBytes[p % rawBytes.count] } else { out += Array(fragments[p % fragments.count].utf8) }
        }
        return out
    }
}

@Suite struct DifferentialTests {
    /// The prefiltered engine (SIMD triggers, windows, automaton) finds exactly what running
    /// every rule's PCRE2 pattern over the whole text (and brute-force literal search) finds.
    @Test func fastEqualsReference() async throws {
        let fast = try MiniPack.engine(.fast)
        let reference = try MiniPack.engine(.reference)
        await propertyCheck(count: 300, input: Gen.int(in: 0...10_000).array(of: 0...120)) { picks in
            let text = TextGen.text(picks)
            #expect(scanAll(fast, text) == scanAll(reference, text))
        }
    }

    /// Findings are identical for every chunk size, down to 1 byte.
    @Test func chunkSizeInvariance() async throws {
        let engine = try MiniPack.engine(.fast)
        await propertyCheck(count: 60, input: Gen.int(in: 0...10_000).array(of: 0...80), Gen.int(in: 1...300)) { picks, chunk in
            let text = TextGen.text(picks)
            let whole = scanAll(engine, text)
            let streamed = try? scanStreaming(engine, text, chunkSize: chunk)
            #expect(streamed == whole)
        }
    }

    /// Chunk invariance on longer text against the whole-text reference.
    @Test func longTextAcrossChunkSizes() throws {
        var rng = SplitMix(seed: 7)
        let text = TextGen.text((0..<2000).map { _ in Int(rng.next() % 10_000) })
        let engine = try MiniPack.engine(.fast)
        let expected = scanAll(try MiniPack.engine(.reference), text)
        #expect(!expected.isEmpty)
        for chunk in [61, 1000, 4096, 65536, 1 << 20] {
            #expect(try scanStreaming(engine, text, chunkSize: chunk) == expected, "chunk \(chunk)")
        }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
