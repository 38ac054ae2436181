import CorpusKit
import Foundation

/// `redact-corpus`: writes the synthetic case corpus, a benchmark stream, or a names dictionary,
/// and checks a written corpus. Argument parsing is by hand: the corpus target has no dependencies.
@main
struct RedactCorpus {
    static let usage = """
    usage:
      redact-corpus --seed N --docs N --out DIR [--no-check]
          documents, party lists, truth.jsonl and decoys.jsonl in DIR (then checks them)
      redact-corpus --seed N --size SIZE [--density dense|sparse] [--names N] [--truth] --out FILE
          one benchmark stream of about SIZE (1GiB, 200MiB, 10MB...): FILE, <stem>.parties.txt,
          <stem>.expected.json and, with --truth, <stem>.truth.jsonl and <stem>.decoys.jsonl
      redact-corpus --seed N --names N --out FILE
          a dictionary of N generated names (party-list format: name<TAB>role)
      redact-corpus --check DIR|STEM.truth.jsonl
          re-read a written corpus and verify every truth and decoy span
    """

    static func main() {
        do {
            try run(Arguments(CommandLine.arguments.dropFirst()))
        } catch let e as CorpusRefusal {
            fail(e.description, code: 70)
        } catch let e as UsageError {
            fail(e.message + "\n\n" + usage, code: 64)
        } catch {
            fail("\(error)", code: 1)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data(("redact-corpus: " + message + "\n").utf8))
        exit(code)
    }

    static func run(_ a: Arguments) throws {
        if a.flag("--help") || a.flag("-h") { print(usage); return }
        if let target = a.value("--check") {
            try check(URL(fileURLWithPath: target))
            return
        }
        guard let out = a.value("--out") else { throw UsageError(message: "--out is required") }
        let seed = try a.uint("--seed") ?? 1
        let url = URL(fileURLWithPath: out)
        if let docs = try a.int("--docs") {
            guard docs > 0 else { throw UsageError(message: "--docs must be positive") }
            let start = Date()
            let stats = try CorpusWriter.write(seed: seed, documents: docs, to: url)
            print(stats.report, terminator: "")
            print(String(format: "generated in %.2f s", Date().timeIntervalSince(start)))
            if !a.flag("--no-check") { try check(url) }
        } else if let sizeText = a.value("--size") {
            guard let size = SizeParser.parse(sizeText), size > 0 else { throw UsageError(message: "bad --size \(sizeText)") }
            guard let density = StreamWriter.Density(rawValue: a.value("--density") ?? "dense") else {
                throw UsageError(message: "--density is dense or sparse")
            }
            let start = Date()
            let stats = try StreamWriter.write(seed: seed, size: size, density: density,
                                               nameCount: try a.int("--names") ?? 1000, to: url,
                                               withTruth: a.flag("--truth"))
            let secs = Date().timeIntervalSince(start)
            print("bytes: \(stats.bytes)  planted: \(stats.planted)  decoys: \(stats.decoys)  names: \(stats.names)")
            print(String(format: "generated in %.2f s (%.1f MB/s)", secs, Double(stats.bytes) / secs / 1e6))
            print("expected counts: " + url.deletingPathExtension().path + ".expected.json")
        } else if let n = try a.int("--names") {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(NameDictionary.partyList(NameDictionary.make(seed: seed, count: n))).write(to: url)
            print("names: \(n) -> \(out)")
        } else {
            throw UsageError(message: "one of --docs, --size or --names is required")
        }
    }

    static func check(_ url: URL) throws {
        let r = try Checker.check(url)
        print("check: \(r.documents) documents, \(r.truth) truth items, \(r.decoys) decoys, \(r.problems.count) problems")
        if !r.problems.isEmpty { throw CorpusRefusal(problems: r.problems) }
    }
}

struct UsageError: Error { var message: String }

/// `--key value` and `--flag` arguments.
struct Arguments {
    var items: [String]
    init(_ items: ArraySlice<String>) { self.items = Array(items) }

    func flag(_ name: String) -> Bool { items.contains(name) }

    func value(_ name: String) -> String? {
        guard let i = items.firstIndex(of: name), i + 1 < items.count else { return nil }
        return items[i + 1]
    }

    func int(_ name: String) throws -> Int? {
        guard let v = value(name) else { return nil }
        guard let n = Int(v) else { throw UsageError(message: "\(name) needs a number, got \(v)") }
        return n
    }

    func uint(_ name: String) throws -> UInt64? {
        guard let v = value(name) else { return nil }
        guard let n = UInt64(v) else { throw UsageError(message: "\(name) needs a number, got \(v)") }
        return n
    }
}
