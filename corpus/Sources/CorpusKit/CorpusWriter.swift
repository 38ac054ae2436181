import Foundation

/// Counts of what a run planted, for the CLI's report and the README.
public struct CorpusStats: Sendable {
    public var documents = 0
    public var bytes = 0
    public var perCategory: [PlantCategory: Int] = [:]
    public var decoysPerKind: [String: Int] = [:]
    public var perGenre: [String: Int] = [:]
    public var crlf = 0, mixed = 0, bom = 0

    public var planted: Int { perCategory.values.reduce(0, +) }
    public var decoys: Int { decoysPerKind.values.reduce(0, +) }

    mutating func add(_ d: GeneratedDocument) {
        documents += 1
        bytes += d.bytes.count
        for t in d.truth { perCategory[t.category, default: 0] += 1 }
        for x in d.decoys { decoysPerKind[x.kind ?? "?", default: 0] += 1 }
        perGenre[d.genre.rawValue, default: 0] += 1
        if d.lineEnding == .crlf { crlf += 1 }
        if d.lineEnding == .mixed { mixed += 1 }
        if d.bom { bom += 1 }
    }

    /// A human-readable report, categories in taxonomy order, other keys sorted.
    public var report: String {
        var s = "documents: \(documents)  bytes: \(bytes)  planted: \(planted)  decoys: \(decoys)\n"
        s += "line endings: crlf \(crlf), mixed \(mixed); BOM: \(bom)\n"
        s += "genres: " + perGenre.keys.sorted().map { "\($0) \(perGenre[$0]!)" }.joined(separator: ", ") + "\n"
        s += "planted per category:\n"
        for c in PlantCategory.allCases { s += "  \(c.rawValue): \(perCategory[c, default: 0])\n" }
        s += "decoys per kind:\n"
        for k in decoysPerKind.keys.sorted() { s += "  \(k): \(decoysPerKind[k]!)\n" }
        return s
    }
}

/// Documents mode: writes documents, party lists, `truth.jsonl` and `decoys.jsonl` into a directory.
public enum CorpusWriter {
    public static func write(seed: UInt64, documents: Int, to directory: URL) throws -> CorpusStats {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let width = max(3, String(documents).count)
        var stats = CorpusStats()
        var truth = [UInt8](), decoys = [UInt8]()
        for i in 1...documents {
            let doc = try DocumentFactory.make(seed: seed, index: i, width: width)
            try Data(doc.bytes).write(to: directory.appendingPathComponent(doc.fileName))
            try Data(doc.partyList).write(to: directory.appendingPathComponent(doc.partyFileName))
            for t in doc.truth { JSONLines.line(path: doc.fileName, span: t, to: &truth) }
            for d in doc.decoys { JSONLines.line(path: doc.fileName, span: d, to: &decoys) }
            stats.add(doc)
        }
        try Data(truth).write(to: directory.appendingPathComponent("truth.jsonl"))
        try Data(decoys).write(to: directory.appendingPathComponent("decoys.jsonl"))
        return stats
    }
}
