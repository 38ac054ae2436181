/// One planted item or decoy: where it is (absolute byte offsets in the file as written, BOM and
/// CRLF included) and exactly what was written there.
public struct PlantedSpan: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var category: PlantCategory
    public var text: String
    /// Which form was planted (e.g. `chi`, `temporary`, `short`), for per-variant analysis.
    public var variant: String?
    /// Decoys only: the category a careless finder would report, and what kind of look-alike it is.
    public var looksLike: PlantCategory?
    public var kind: String?
}

/// Line endings of one document.
public enum LineEnding: String, Sendable, CaseIterable {
    case lf, crlf, mixed
}

/// Builds one document as bytes while recording spans, so offsets are those of the file as
/// written: "\n" in the text is converted to the document's line ending *before* offsets are
/// taken, and a BOM is counted. Every planted item is validated against the corpus's own
/// validators and every decoy against all of them; failures are refused (not written) and
/// reported by `finish()`, which the CLI turns into a fatal error.
public final class DocWriter {
    public private(set) var bytes: [UInt8] = []
    /// Absolute offset of `bytes[0]` (non-zero after `drain` in stream mode).
    public private(set) var base = 0
    public let lineEnding: LineEnding
    /// Upper-case everything written (police notebook style).
    public var shout = false
    public var names: NameBook
    /// Everyone named in the document who belongs in its party list (exports add people).
    public var parties: [Person] = []
    public private(set) var truth: [PlantedSpan] = []
    public private(set) var decoys: [PlantedSpan] = []
    public private(set) var refusals: [String] = []
    private var endingRng: CorpusRandom
    /// Prose sentences already used in this document (so a document does not repeat itself).
    private var usedProse: Set<String> = []

    public init(lineEnding: LineEnding = .lf, bom: Bool = false, names: NameBook = NameBook(), seed: UInt64 = 0) {
        self.lineEnding = lineEnding
        self.names = names
        self.endingRng = CorpusRandom(seed: seed)
        if bom { bytes = [0xEF, 0xBB, 0xBF] }
        bytes.reserveCapacity(16_384)
    }

    public var count: Int { base + bytes.count }

    /// Text as it will be stored: case and line endings applied.
    func encode(_ s: String) -> [UInt8] {
        let source = shout ? s.uppercased() : s
        var out = [UInt8]()
        out.reserveCapacity(source.utf8.count + 4)
        for b in source.utf8 {
            if b == 10 {
                switch lineEnding {
                case .lf: out.append(10)
                case .crlf: out.append(13); out.append(10)
                case .mixed: if endingRng.chance(0.5) { out.append(13) }; out.append(10)
                }
            } else {
                out.append(b)
            }
        }
        return out
    }

    /// Plain text (no personal data in it, by construction of the templates).
    public func t(_ s: String) { bytes.append(contentsOf: encode(s)) }

    /// Raw bytes already in final form (the stream's pre-encoded filler).
    public func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    /// A few distinct neutral sentences from `pool`, not yet used in this document when possible.
    public func prose(_ pool: [String], _ rng: inout CorpusRandom, _ n: ClosedRange<Int>) {
        let count = rng.int(n)
        var picked: [String] = []
        for _ in 0..<count {
            var s = rng.pick(pool)
            var tries = 0
            while usedProse.contains(s) && tries < 8 { s = rng.pick(pool); tries += 1 }
            usedProse.insert(s)
            picked.append(s)
        }
        t(picked.joined(separator: " "))
    }

    public func nl(_ n: Int = 1) { for _ in 0..<n { t("\n") } }

    public func line(_ s: String) { t(s); nl() }

    /// The last `n` bytes, copied: a slice would share `bytes`' storage and make the next append
    /// copy the whole buffer (copy-on-write).
    private func window(_ n: Int) -> ArraySlice<UInt8> { ArraySlice(Array(bytes.suffix(n))) }

    /// Public form of `window` for writers that check context before choosing what to write.
    public func lastBytes(_ n: Int) -> ArraySlice<UInt8> { window(n) }

    /// Writes a planted item, or refuses it if it fails its validator.
    public func plant(_ c: PlantCategory, _ s: String, variant: String? = nil) {
        let enc = encode(s)
        let written = String(decoding: enc, as: UTF8.self)
        let ok = c == .person_name
            ? names.accepts(written, before: window(Context.plantWindow))
            : Validators.accepts(c, written, before: window(Context.plantWindow))
        guard ok else {
            refusals.append("planted \(c.rawValue) \"\(written)\" fails its validator (after \"\(tail())\")")
            return
        }
        let start = count
        bytes.append(contentsOf: enc)
        truth.append(PlantedSpan(start: start, end: count, category: c, text: written, variant: variant))
    }

    /// A party's or stranger's name (title excluded from the span: write the title with `t`).
    public func name(_ s: String) { plant(.person_name, s) }

    /// Writes a decoy, or refuses it if it passes any validator (in its context).
    public func decoy(_ looksLike: PlantCategory, _ s: String, kind: String) {
        let enc = encode(s)
        let written = String(decoding: enc, as: UTF8.self)
        let before = window(Context.decoyWindow)
        var passes: [PlantCategory] = []
        for c in PlantCategory.allCases {
            let ok = c == .person_name ? names.accepts(written, before: before)
                                       : Validators.accepts(c, written, bytes: enc, before: before)
            if ok { passes.append(c) }
        }
        guard passes.isEmpty else {
            refusals.append("decoy \"\(written)\" (\(kind)) passes \(passes.map(\.rawValue)) (after \"\(tail())\")")
            return
        }
        let start = count
        bytes.append(contentsOf: enc)
        decoys.append(PlantedSpan(start: start, end: count, category: looksLike, text: written,
                                  looksLike: looksLike, kind: kind))
    }

    private func tail() -> String { String(decoding: bytes.suffix(40), as: UTF8.self) }

    /// Checks every recorded span against the bytes; returns problems (empty when all is well).
    public func verify() -> [String] {
        var problems = refusals
        for s in truth + decoys where s.start >= base {
            let local = (s.start - base)..<(s.end - base)
            if local.upperBound > bytes.count || Array(bytes[local]) != Array(s.text.utf8) {
                problems.append("span \(s.start)..<\(s.end) (\(s.category.rawValue)) does not equal its bytes")
            }
        }
        return problems
    }

    /// Stream mode: hands over all but the last `keep` bytes (kept as context for the next item)
    /// and the spans that end before the cut.
    public func drain(keep: Int = 128) -> (bytes: ArraySlice<UInt8>, truth: [PlantedSpan], decoys: [PlantedSpan]) {
        let cut = max(0, bytes.count - keep)
        let absCut = base + cut
        let out = bytes[0..<cut]
        let t = truth.filter { $0.end <= absCut }
        let d = decoys.filter { $0.end <= absCut }
        truth.removeFirst(t.count)
        decoys.removeFirst(d.count)
        let kept = Array(bytes[cut...])
        let result = (out, t, d)
        bytes = kept
        bytes.reserveCapacity(1 << 20)
        base = absCut
        return result
    }
}
