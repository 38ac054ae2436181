import Crypto
import Foundation
import RedactApply
import RedactCore
import RedactScan
@testable import RedactQA

/// A temporary directory removed when the value is released.
final class TempDir: @unchecked Sendable {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("redactqa-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// A synthetic case document (specimen and drama-range values only) and the values in it.
enum Doc {
    static let nhs = "943 476 5919"
    static let postcode = "SW1A 1AA"
    static let planted = [nhs, "AB 12 34 56 C", "j.okafor@example.org", "07700 900123", postcode, "John Smith"]
    static let text = """
    WITNESS STATEMENT (MG11)\r
    Statement of Mr John Smith, taken at the station.\r
    NHS number \(nhs), NI number AB 12 34 56 C.\r
    Email j.okafor@example.org; mobile 07700 900123.\r
    Address postcode \(postcode). Offence under section 18 of the Offences against the Person Act 1861.\r

    """
}

/// One redacted copy made by the real `Applier`, ready to check or to damage.
struct Redacted {
    let dir: TempDir
    let original: String
    let copy: String
    var manifestPath: String { copy + ".manifest.json" }

    var manifest: Manifest {
        get throws { try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: manifestPath))) }
    }
    func bytes() throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: copy))) }
    func originalBytes() throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: original))) }
    func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: copy)) }
    func write(_ m: Manifest) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        try e.encode(m).write(to: URL(fileURLWithPath: manifestPath))
    }
}

enum QA {
    static let key = [UInt8](repeating: 7, count: 32)

    static func setup(excluding: Set<String> = [], chunkSize: Int = 1 << 20) -> ScanSetup {
        var s = ScanSetup()
        s.excludedCategories = excluding
        s.chunkSize = chunkSize
        return s
    }

    /// Redacts `Doc.text` (or `text`) with the bundled pack, as `redact apply` does.
    static func redact(_ style: RedactionStyle, text: String = Doc.text, excluding: Set<String> = []) throws -> Redacted {
        let dir = TempDir()
        let original = dir.path("mg11.txt")
        try Data(text.utf8).write(to: URL(fileURLWithPath: original))
        let setup = setup(excluding: excluding)
        let engine = try setup.makeEngine()
        let applier = Applier(scanner: setup.streamScanner(engine: engine),
                              replacer: Replacer(style: style, key: style == .pseudonym ? key : nil, caseReference: "01YE1"),
                              toolVersion: "test", overwrite: false)
        let copy = dir.path("out/mg11.txt")
        switch applier.apply(Input(path: original), outputPath: copy, scratch: engine.makeScratch()) {
        case .success: return Redacted(dir: dir, original: original, copy: copy)
        case .failure(let f): throw f
        }
    }

    /// The QA check with the full bundled pack (what `redact qa` runs by default).
    static func check(_ r: Redacted, chunkSize: Int = 1 << 20, showText: Bool = false) throws -> QAReport {
        let setup = setup(chunkSize: chunkSize)
        let engine = try setup.makeEngine()
        var checker = QAChecker(scanner: setup.streamScanner(engine: engine))
        checker.showText = showText
        return try checker.check(original: r.original, redacted: r.copy, manifest: r.manifestPath, scratch: engine.makeScratch())
    }

    /// Replaces span `k`'s output with `bytes` and makes the manifest describe the new copy
    /// exactly (later output ranges shifted, digest and size updated): a manifest that lies only
    /// about whether the span is redacted.
    static func replaceSpan(_ r: Redacted, _ k: Int, with bytes: [UInt8]) throws {
        var m = try r.manifest
        var out = try r.bytes()
        let old = m.redactions[k].output
        out.replaceSubrange(old.start..<old.end, with: bytes)
        let delta = bytes.count - (old.end - old.start)
        m.redactions[k].output.end += delta
        for i in (k + 1)..<m.redactions.count {
            m.redactions[i].output.start += delta
            m.redactions[i].output.end += delta
        }
        try r.write(out)
        try restamp(r, &m, redacted: out)
    }

    /// Sets the manifest's digest and size of the copy to match `redacted`, and writes it.
    static func restamp(_ r: Redacted, _ m: inout Manifest, redacted: [UInt8]) throws {
        m.sha256Redacted = Hex.encode(SHA256.hash(data: redacted))
        m.bytesRedacted = redacted.count
        try r.write(m)
    }
}

extension QAReport {
    /// The counts as a compact dictionary for exact comparisons (checks with none left out).
    var summary: [String: Int] {
        Dictionary(uniqueKeysWithValues: counts.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) })
    }
}
