/// One generated document with its ground truth, decoys and party list, before it is written.
public struct GeneratedDocument: Sendable {
    public var fileName: String
    public var genre: Genre
    public var bytes: [UInt8]
    public var truth: [PlantedSpan]
    public var decoys: [PlantedSpan]
    public var parties: [Person]
    public var lineEnding: LineEnding
    public var bom: Bool

    /// `statement_001.txt` -> `statement_001.parties.txt`.
    public var partyFileName: String {
        let stem = fileName.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        return stem + ".parties.txt"
    }

    /// The party list: UTF-8, one full name per line, TAB, role.
    public var partyList: [UInt8] {
        var out = [UInt8]()
        for p in parties { out.append(contentsOf: Array((p.fullName + "\t" + p.role.rawValue + "\n").utf8)) }
        return out
    }
}

/// Refusal: the generator would have written a span that is wrong, an item that fails its own
/// validator, or a decoy that passes one. The CLI reports it and exits non-zero.
public struct CorpusRefusal: Error, CustomStringConvertible {
    public var problems: [String]
    public init(problems: [String]) { self.problems = problems }
    public var description: String {
        "redact-corpus refuses to write: " + problems.prefix(20).joined(separator: "; ")
            + (problems.count > 20 ? " (and \(problems.count - 20) more)" : "")
    }
}

public enum DocumentFactory {
    /// Document `index` (1-based) of the corpus seeded `seed`. Independent of how many documents
    /// are generated: its bytes depend only on (seed, index).
    public static func make(seed: UInt64, index: Int, width: Int = 3) throws -> GeneratedDocument {
        var rng = CorpusRandom(seed: seed, stream: UInt64(index))
        let genre = Genre.allCases[rng.weighted(Genre.weights)]
        let ending = LineEnding.allCases[rng.weighted([60, 30, 10])]
        let bom = rng.chance(0.12)
        let cast = Cast.make(&rng)
        let w = DocWriter(lineEnding: ending, bom: bom, names: NameBook(cast.parties + cast.strangers),
                          seed: rng.next())
        w.parties = cast.parties
        genre.write(w, cast, &rng)
        let problems = w.verify()
        guard problems.isEmpty else { throw CorpusRefusal(problems: problems.map { "document \(index): " + $0 }) }
        var number = "\(index)"
        while number.count < width { number = "0" + number }
        return GeneratedDocument(fileName: "\(genre.prefix)_\(number).\(genre.fileExtension)", genre: genre,
                                 bytes: w.bytes, truth: w.truth, decoys: w.decoys, parties: w.parties,
                                 lineEnding: ending, bom: bom)
    }
}
