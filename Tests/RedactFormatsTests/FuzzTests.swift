import Foundation
import RedactCore
import Testing
@testable import RedactFormats

/// SplitMix64: a small seeded generator, so every run mutates the same way.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded random-mutation fuzzing of the CSV and JSON parsers and format detection: every
/// mutant either parses or gives a `FormatError` (never a crash, a hang or another error); a
/// redacted copy parses again with the same fields; streaming in random blocks agrees with a
/// whole-buffer run. Inputs that once failed are kept in `Fixtures/` and replayed.
@Suite struct FuzzTests {
    static let seeds: [(name: String, bytes: [UInt8])] = [
        ("a.csv", CSVTests.document),
        ("b.csv", Array("id;name;note\n1;\"A; \"\"B\"\"\";x\r\n2;;\"multi\nline\"\n".utf8)),
        ("c.tsv", Array("a\tb\n1\t\"2\t3\"\n".utf8)),
        ("d.json", JSONTests.document),
        ("e.json", Array(#"[{"k": "\ud83d\ude00\u00e9\n", "n": -1.5e+3, "t": true, "z": null}, [], {}, "x\"y"]"#.utf8)),
        ("f.jsonl", Array("{\"a\": 1}\n\n[\"b\", {\"c\": \"d\"}]\n\"e\"\n".utf8)),
    ]
    static let interesting: [UInt8] = Array("\",;\t\n\r{}[]:\\u0\"e-+.".utf8) + [0x00, 0xFF, 0xC3, 0xEF, 0xBB, 0xBF, 0x7F]

    static func mutate(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<7, using: &rng) {
            case 0 where !b.isEmpty: b[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1: b.insert(interesting.randomElement(using: &rng)!, at: at)
            case 2 where !b.isEmpty: b.remove(at: at)
            case 3 where !b.isEmpty:
                let end = min(b.count, at + Int.random(in: 1...16, using: &rng))
                b.insert(contentsOf: b[at..<end], at: Int.random(in: 0...b.count, using: &rng))
            case 4: b = Array(b.prefix(at))
            case 5 where !b.isEmpty: b[at] = interesting.randomElement(using: &rng)!
            default:
                let end = min(b.count, at + Int.random(in: 1...8, using: &rng))
                b.removeSubrange(at..<end)
            }
        }
        return b
    }

    static let formats: [any StructuredFormat] = [CSVFormat.csv, CSVFormat.tsv, JSONFormat.json, JSONFormat.jsonLines]

    static func check(_ input: [UInt8], _ rng: inout SeededRandom) -> String? {
        FormatFuzzing.check(input, chunk: Int.random(in: 1...64, using: &rng))
    }

    @Test func mutantsParseOrFailCleanly() throws {
        // FUZZ_ITERATIONS and FUZZ_SEED run a longer exploration by hand; CI runs the default.
        let environment = ProcessInfo.processInfo.environment
        var rng = SeededRandom(state: environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 20261121)
        let iterations = environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? 4000
        var failures: [String] = []
        for iteration in 0..<iterations {
            let seed = Self.seeds[iteration % Self.seeds.count]
            let mutant = Self.mutate(seed.bytes, &rng)
            if let failure = Self.check(mutant, &rng) {
                failures.append("\(failure) on \(Data(mutant).base64EncodedString())")
                if failures.count >= 5 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The real engine on mutants of the planted documents: no crash, outputs still parse.
    @Test func mutantsWithTheRealFinder() throws {
        var rng = SeededRandom(state: 7)
        let env = Support.env()
        for iteration in 0..<300 {
            let seed = Self.seeds[iteration % Self.seeds.count]
            let mutant = Self.mutate(seed.bytes, &rng)
            for format in Self.formats {
                guard let doc = try? format.redact(mutant, path: "f", in: env) else { continue }
                #expect(throws: Never.self) { _ = try format.scan(doc.bytes, path: "f", in: env) }
            }
        }
    }

    @Test func keptFixturesReplay() throws {
        var rng = SeededRandom(state: 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: Support.fixtures.path).filter { $0.hasPrefix("fuzz-") }.sorted()
        #expect(files.count >= 3)
        for name in files {
            let bytes = [UInt8](try Data(contentsOf: Support.fixtures.appendingPathComponent(name)))
            #expect(Self.check(bytes, &rng) == nil, "\(name)")
        }
    }
}
