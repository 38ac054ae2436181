import Foundation
import Testing
@testable import CorpusKit

/// Files on disk: the documents corpus and its check, the benchmark stream, names, sizes.
@Suite struct OutputTests {
    func tempDir(_ name: String) -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("corpuskit-\(name)-\(UInt32.random(in: 0...UInt32.max))")
        try? FileManager.default.removeItem(at: u)
        return u
    }

    @Test func corpusWritesAndChecksCleanly() throws {
        let dir = tempDir("docs")
        defer { try? FileManager.default.removeItem(at: dir) }
        let stats = try CorpusWriter.write(seed: 3, documents: 30, to: dir)
        #expect(stats.documents == 30)
        let report = try Checker.check(dir)
        #expect(report.problems.isEmpty, "\(report.problems.prefix(5))")
        #expect(report.documents == 30 && report.truth == stats.planted && report.decoys == stats.decoys)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(names.contains("truth.jsonl") && names.contains("decoys.jsonl"))
        #expect(names.filter { $0.hasSuffix(".parties.txt") }.count == 30)
        #expect(names.filter(Checker.isDocument).count == 30)

        // Tampering with a document is caught.
        let victim = names.filter(Checker.isDocument).sorted()[0]
        let url = dir.appendingPathComponent(victim)
        var bytes = [UInt8](try Data(contentsOf: url))
        bytes.insert(32, at: min(5, bytes.count))
        try Data(bytes).write(to: url)
        #expect(!(try Checker.check(dir)).problems.isEmpty)
    }

    @Test func truthLinesFollowTheContract() throws {
        let d = try DocumentFactory.make(seed: 1, index: 1)
        var out = [UInt8]()
        JSONLines.line(path: d.fileName, span: d.truth[0], to: &out)
        let obj = try JSONSerialization.jsonObject(with: Data(out.dropLast())) as! [String: Any]
        #expect(obj["path"] as? String == d.fileName)
        #expect(obj["start"] as? Int == d.truth[0].start && obj["end"] as? Int == d.truth[0].end)
        #expect(obj["rule"] as? String == "planted" && obj["text"] as? String == d.truth[0].text)
        var line = [UInt8]()
        JSONLines.appendString("a\"b\\c\nd\u{1}é", to: &line)
        #expect(String(decoding: line, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\u0001é\"")
    }

    @Test func streamIsDeterministicDenseAndChecks() throws {
        let dir = tempDir("stream")
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.txt"), b = dir.appendingPathComponent("b.txt")
        let sa = try StreamWriter.write(seed: 5, size: 300_000, density: .dense, nameCount: 50, to: a, withTruth: true)
        _ = try StreamWriter.write(seed: 5, size: 300_000, density: .dense, nameCount: 50, to: b, withTruth: false)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        #expect(sa.bytes >= 300_000 && sa.bytes < 301_000)
        let perItem = Double(sa.bytes) / Double(sa.planted)
        #expect(perItem > 250 && perItem < 350, "one item per \(perItem) bytes")
        let report = try Checker.check(dir.appendingPathComponent("a.truth.jsonl"))
        #expect(report.problems.isEmpty, "\(report.problems.prefix(5))")
        #expect(report.truth == sa.planted)
        let parties = try String(contentsOf: dir.appendingPathComponent("a.parties.txt"), encoding: .utf8)
        #expect(parties.split(separator: "\n").count == 50)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.expected.json").path))

        let sparse = try StreamWriter.write(seed: 5, size: 400_000, density: .sparse, nameCount: 10, to: dir.appendingPathComponent("s.txt"), withTruth: false)
        let perSparse = Double(sparse.bytes) / Double(sparse.planted)
        #expect(perSparse > 6_000 && perSparse < 16_000, "one item per \(perSparse) bytes")
    }

    @Test func nameDictionaryIsDistinct() {
        let names = NameDictionary.make(seed: 1, count: 5_000)
        #expect(names.count == 5_000)
        #expect(Set(names.map(\.fullName)).count == 5_000)
        #expect(NameDictionary.make(seed: 1, count: 100).map(\.fullName) == names.prefix(100).map(\.fullName))
    }

    @Test func sizes() {
        #expect(SizeParser.parse("1GiB") == 1 << 30)
        #expect(SizeParser.parse("200MiB") == 200 << 20)
        #expect(SizeParser.parse("10MB") == 10_000_000)
        #expect(SizeParser.parse("4096") == 4096)
        #expect(SizeParser.parse("lots") == nil)
    }
}
