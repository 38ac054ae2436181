import Foundation
import Testing

@Suite struct ApplyCLITests {
    struct Entry: Decodable {
        struct R: Decodable { let start: Int; let end: Int }
        let category: String
        let rule: String
        let original: R
        let output: R
    }
    struct Manifest: Decodable {
        let redactions: [Entry]
        let sha256_original: String
        let sha256_redacted: String
        let counts: [String: Int]
    }

    func setUp() throws -> (dir: URL, doc: URL, names: URL) {
        let dir = try CLI.tempDir()
        let doc = dir.appendingPathComponent("mg11.txt")
        try Data(Fixture.text.utf8).write(to: doc)
        let names = dir.appendingPathComponent("parties.txt")
        try Data(Fixture.parties.utf8).write(to: names)
        return (dir, doc, names)
    }

    /// Every byte outside a finding is preserved exactly; every finding is replaced; the output,
    /// rescanned, has no finding left.
    @Test(arguments: ["label", "block", "mask"])
    func outputKeepsEveryOtherByteAndRescansClean(style: String) throws {
        let (dir, doc, names) = try setUp()
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["apply", doc.path, "--out", out.path, "--style", style, "--names", names.path])
        #expect(r.status == 0, "\(r.stderr)")
        let original = [UInt8](Fixture.text.utf8)
        let redacted = [UInt8](try Data(contentsOf: out.appendingPathComponent("mg11.txt")))
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: out.appendingPathComponent("mg11.txt.manifest.json")))
        #expect(manifest.redactions.count >= Fixture.planted.count)
        // Walk both files: gaps between redactions must be identical.
        var i = 0, o = 0
        for e in manifest.redactions {
            #expect(original[i..<e.original.start] == redacted[o..<e.output.start])
            i = e.original.end
            o = e.output.end
        }
        #expect(original[i...] == redacted[o...])
        #expect(redacted.starts(with: [0xEF, 0xBB, 0xBF]))  // BOM kept
        #expect(redacted.filter { $0 == 0x0D }.count == original.filter { $0 == 0x0D }.count)  // CRLF kept
        for value in Fixture.planted { #expect(!String(decoding: redacted, as: UTF8.self).contains(value)) }
        let manifestText = try String(contentsOf: out.appendingPathComponent("mg11.txt.manifest.json"), encoding: .utf8)
        for value in Fixture.planted { #expect(!manifestText.contains(value), "manifest leaks \(value)") }
        if style == "label" {
            let rescan = try CLI.run(["check", "--names", names.path, out.appendingPathComponent("mg11.txt").path])
            #expect(rescan.status == 0, "\(rescan.stdout)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        #expect(try Data(contentsOf: doc) == Data(Fixture.text.utf8))  // original untouched
    }

    @Test func pseudonymsAreStablePerValueAndCase() throws {
        let (dir, doc, names) = try setUp()
        let key = dir.appendingPathComponent("key")
        try Data((0..<32).map { UInt8($0) }).write(to: key)
        let doc2 = dir.appendingPathComponent("note.txt")
        try Data("Mr Okafor called; AYODELE OKAFOR later.\n".utf8).write(to: doc2)
        let r = try CLI.run(["apply", doc.path, doc2.path, "--out", dir.appendingPathComponent("o").path, "--style", "pseudonym",
                             "--key-file", key.path, "--case", "01YE1234524", "--names", names.path])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try String(contentsOf: dir.appendingPathComponent("o/mg11.txt"), encoding: .utf8)
        let b = try String(contentsOf: dir.appendingPathComponent("o/note.txt"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\[PERSON-[A-Z]{6}\]"#)
        func pseudonyms(_ s: String) -> Set<String> {
            Set(pattern.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { String(s[Range($0.range, in: s)!]) })
        }
        #expect(pseudonyms(a).count == 1)
        #expect(pseudonyms(a) == pseudonyms(b))
        // Another case, another pseudonym.
        let other = try CLI.run(["apply", doc2.path, "--out", dir.appendingPathComponent("p").path, "--style", "pseudonym",
                                 "--key-file", key.path, "--case", "OTHER", "--names", names.path])
        #expect(other.status == 0)
        let c = try String(contentsOf: dir.appendingPathComponent("p/note.txt"), encoding: .utf8)
        #expect(pseudonyms(c).isDisjoint(with: pseudonyms(b)))
    }

    @Test func standardOutputMode() throws {
        let r = try CLI.run(["apply", "-", "--out", "-"], stdin: Data("tel 07700 900123\r\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "tel [PHONE NUMBER]\r\n")
    }

    @Test func forceOverwritesAndOriginalsAreNeverReplaced() throws {
        let (dir, doc, _) = try setUp()
        let out = dir.appendingPathComponent("out")
        #expect(try CLI.run(["apply", doc.path, "--out", out.path]).status == 0)
        #expect(try CLI.run(["apply", doc.path, "--out", out.path]).status == 2)
        #expect(try CLI.run(["apply", doc.path, "--out", out.path, "--force"]).status == 0)
        let sameFolder = try CLI.run(["apply", doc.path, "--out", dir.path, "--force"])
        #expect(sameFolder.status == 2)
        #expect(try Data(contentsOf: doc) == Data(Fixture.text.utf8))
    }

    @Test func walkedFoldersKeepTheirLayout() throws {
        let dir = try CLI.tempDir()
        let src = dir.appendingPathComponent("case")
        try FileManager.default.createDirectory(at: src.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: src.appendingPathComponent("b"), withIntermediateDirectories: true)
        try Data("NHS 943 476 5919".utf8).write(to: src.appendingPathComponent("a/s.txt"))
        try Data("NI AB 12 34 56 C".utf8).write(to: src.appendingPathComponent("b/s.txt"))
        let r = try CLI.run(["apply", src.path, "--out", dir.appendingPathComponent("out").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("out/a/s.txt"), encoding: .utf8) == "NHS [NHS NUMBER]")
        #expect(try String(contentsOf: dir.appendingPathComponent("out/b/s.txt"), encoding: .utf8) == "NI [NI NUMBER]")
    }
}
