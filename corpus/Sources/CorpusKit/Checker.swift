import Foundation

/// `--check`: re-reads a written corpus and verifies every truth and decoy span against the
/// files as stored, re-runs the validators in context, and checks the layout (no overlapping
/// truth items, no decoy overlapping truth, a party list beside every document that names people).
public enum Checker {
    public struct Report: Sendable {
        public var documents = 0
        public var truth = 0
        public var decoys = 0
        public var problems: [String] = []
    }

    struct Record {
        var path: String, start: Int, end: Int, category: String, text: String, looksLike: String?
    }

    static func load(_ url: URL) throws -> [Record] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data = try Data(contentsOf: url)
        var out: [Record] = []
        for line in data.split(separator: 10) where !line.isEmpty {
            guard let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let path = o["path"] as? String, let start = o["start"] as? Int, let end = o["end"] as? Int,
                  let cat = o["category"] as? String, let text = o["text"] as? String
            else { throw CorpusRefusal(problems: ["unreadable line in \(url.lastPathComponent)"]) }
            out.append(Record(path: path, start: start, end: end, category: cat, text: text,
                              looksLike: o["looks_like"] as? String))
        }
        return out
    }

    /// Checks `directory/truth.jsonl` + `decoys.jsonl`, or `X.truth.jsonl` + `X.decoys.jsonl`
    /// when given the truth file of a benchmark stream.
    public static func check(_ target: URL) throws -> Report {
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDir)
        let root: URL, truthURL: URL, decoysURL: URL
        if isDir.boolValue {
            root = target
            truthURL = target.appendingPathComponent("truth.jsonl")
            decoysURL = target.appendingPathComponent("decoys.jsonl")
        } else {
            root = target.deletingLastPathComponent()
            truthURL = target
            decoysURL = URL(fileURLWithPath: target.path.replacingOccurrences(of: ".truth.jsonl", with: ".decoys.jsonl"))
        }
        let truth = try load(truthURL), decoys = try load(decoysURL)
        var report = Report()
        report.truth = truth.count
        report.decoys = decoys.count
        var files: [String: [UInt8]] = [:]
        var books: [String: NameBook] = [:]
        func bytes(_ path: String) -> [UInt8]? {
            if let b = files[path] { return b }
            guard let d = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
            files[path] = [UInt8](d)
            return files[path]
        }
        func book(_ path: String) -> NameBook {
            if let b = books[path] { return b }
            var nb = NameBook()
            let stem = path.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
            if let d = FileManager.default.contents(atPath: root.appendingPathComponent(stem + ".parties.txt").path) {
                for line in String(decoding: d, as: UTF8.self).split(separator: "\n") {
                    let name = line.split(separator: "\t").first.map(String.init) ?? ""
                    let parts = name.split(separator: " ")
                    if parts.count >= 2 {
                        nb.add(forename: parts.dropLast().joined(separator: " "), surname: String(parts.last!))
                    }
                }
            }
            books[path] = nb
            return nb
        }

        func verify(_ r: Record, decoy: Bool) {
            guard let b = bytes(r.path) else { report.problems.append("\(r.path): missing file"); return }
            guard r.start >= 0, r.end <= b.count, r.start < r.end, Array(b[r.start..<r.end]) == Array(r.text.utf8) else {
                report.problems.append("\(r.path) \(r.start)..<\(r.end): span does not equal its bytes")
                return
            }
            let window = decoy ? Context.decoyWindow : Context.plantWindow
            let before = b[max(0, r.start - window)..<r.start]
            if decoy {
                for c in PlantCategory.allCases where c != .person_name && Validators.accepts(c, r.text, before: before) {
                    report.problems.append("\(r.path) \(r.start): decoy \"\(r.text)\" passes \(c.rawValue)")
                }
                let nb = book(r.path)
                let lower = r.text.lowercased()
                if nb.full.contains(lower) || (nb.surnames.contains(lower) && NameBook.followsTitle(before)) {
                    report.problems.append("\(r.path) \(r.start): decoy \"\(r.text)\" is a party's name")
                }
                return
            }
            guard let c = PlantCategory(rawValue: r.category) else {
                report.problems.append("\(r.path) \(r.start): unknown category \(r.category)")
                return
            }
            if c == .person_name {
                let nb = book(r.path)
                let ok = nb.accepts(r.text, before: before)
                    || (NameBook.followsTitle(before) && r.text.first?.isUppercase == true && !r.text.contains(" "))
                if !ok { report.problems.append("\(r.path) \(r.start): name \"\(r.text)\" is neither a party nor titled") }
            } else if !Validators.accepts(c, r.text, before: before) {
                report.problems.append("\(r.path) \(r.start): \(c.rawValue) \"\(r.text)\" fails its validator")
            }
        }
        for r in truth { verify(r, decoy: false) }
        for r in decoys { verify(r, decoy: true) }

        // Overlaps, per file.
        var byPath: [String: [(Int, Int, Bool)]] = [:]
        for r in truth { byPath[r.path, default: []].append((r.start, r.end, false)) }
        for r in decoys { byPath[r.path, default: []].append((r.start, r.end, true)) }
        for (path, spans) in byPath {
            let sorted = spans.sorted { $0.0 < $1.0 }
            for i in 1..<max(1, sorted.count) where sorted[i].0 < sorted[i - 1].1 {
                report.problems.append("\(path) \(sorted[i].0): overlapping spans")
            }
        }

        // Layout: every document has truth; every document naming people has a party list.
        if isDir.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            let docs = names.filter { isDocument($0) }
            report.documents = docs.count
            let withTruth = Set(truth.map(\.path))
            for d in docs.sorted() where !withTruth.contains(d) { report.problems.append("\(d): no truth items") }
            let named = Set(truth.filter { $0.category == "person_name" }.map(\.path))
            for d in named.sorted() {
                let stem = d.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
                if !names.contains(stem + ".parties.txt") { report.problems.append("\(d): no party list") }
            }
        } else {
            report.documents = Set(truth.map(\.path)).count
        }
        return report
    }

    /// The corpus layout rule: documents are `.txt`, `.csv` and `.json` files other than party
    /// lists; `truth.jsonl`, `decoys.jsonl` and `*.parties.txt` are not documents.
    public static func isDocument(_ name: String) -> Bool {
        if name.hasSuffix(".parties.txt") { return false }
        return name.hasSuffix(".txt") || name.hasSuffix(".csv") || name.hasSuffix(".json")
    }
}
