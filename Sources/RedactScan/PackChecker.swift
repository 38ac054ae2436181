import RedactCore
import RedactPatterns

/// Runs every rule's own examples through the real engine (and the whole-text reference, which
/// also catches a trigger that breaks its promise on an example).
public enum PackChecker {
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var location: SourceLocation
        public var problem: String
        /// Never the example's text: only offsets, so output is safe to share.
        public var description: String { "\(location): rule \(rule): \(problem)" }
    }

    public struct Report: Sendable {
        public var rules = 0
        public var examples = 0
        public var failures: [Failure] = []
    }

    public static func check(_ pack: PatternPack, validators: (String) -> ValidateFunction?) throws -> Report {
        var report = Report()
        for rule in pack.rules {
            report.rules += 1
            let single = PatternPack(name: pack.name, version: pack.version, rules: [rule], dictionaries: pack.dictionaries)
            let table = try RuleTable(pack: single, validators: validators)
            let fast = try ScanEngine(table: table, pack: single, mode: .fast)
            let reference = try ScanEngine(table: table, pack: single, mode: .reference)
            for example in rule.examples {
                report.examples += 1
                let bytes = Array(example.text.utf8)
                let got = spans(fast, bytes)
                let want = example.expected.map { [$0] } ?? []
                if got != want {
                    let what = example.expected == nil ? "counter-example" : "example"
                    report.failures.append(Failure(rule: rule.id, location: example.location,
                        problem: "\(what): expected \(describe(want)), found \(describe(got))"))
                } else if spans(reference, bytes) != got {
                    report.failures.append(Failure(rule: rule.id, location: example.location,
                        problem: "the prefiltered engine and the whole-text reference disagree (does every match contain the trigger?)"))
                }
            }
        }
        return report
    }

    static func spans(_ engine: ScanEngine, _ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Finding] = []
        let scratch = engine.makeScratch()
        bytes.withUnsafeBufferPointer { engine.scan($0, emit: 0..<$0.count, scratch: scratch, into: &out) }
        return out.map { $0.start..<$0.end }
    }

    static func describe(_ spans: [Range<Int>]) -> String {
        spans.isEmpty ? "nothing" : spans.map { "bytes \($0.lowerBound)..<\($0.upperBound)" }.joined(separator: ", ")
    }
}
