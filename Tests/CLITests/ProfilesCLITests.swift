import Foundation
import Testing

/// Sharing profiles on the built binary: `profiles list|show|check`, what each recipient's copy
/// keeps, the section 14 refusal, decisions to keep, the hold, and what the log records.
@Suite struct ProfilesCLITests {
    /// A document with a witness, a defendant, an NHS number, a phone number and a previous conviction.
    static let text = """
        STATEMENT OF WITNESS\n\
        Name: Ayodele Okafor. The defendant is Mr Brian Stokes.\n\
        NHS number 943 476 5919; mobile 07700 900123.\n\
        PREVIOUS CONVICTIONS: the defendant was convicted of burglary in 2015.\n
        """
    static let clean = "Name: Ayodele Okafor, NHS number 943 476 5919.\n"
    static let parties = "Ayodele Okafor\twitness\nBrian Stokes\tdefendant\n"
    static let planted = ["Ayodele", "Okafor", "943 476 5919", "07700 900123"]

    struct Case {
        let dir: URL
        var doc: String { dir.appendingPathComponent("doc.txt").path }
        var names: String { dir.appendingPathComponent("parties.txt").path }
        var log: String { dir.appendingPathComponent("area.sqlite").path }
        func out(_ name: String = "out") -> String { dir.appendingPathComponent(name).path }
        func read(_ path: String) -> String? { (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } }
        func manifest(_ path: String) throws -> [[String: Any]] {
            let data = try Data(contentsOf: URL(fileURLWithPath: path + ".manifest.json"))
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return object?["redactions"] as? [[String: Any]] ?? []
        }
        func logArgs(area: String = "hmpps-pr-london") -> [String] {
            ["--log", log, "--area", area, "--case", "01YE1234524", "--operator", "op-17"]
        }
        func export() throws -> String { try CLI.run(["log", "export", "--log", log, "--format", "jsonl"]).stdout }
    }

    func setUp(_ text: String = text) throws -> Case {
        let c = Case(dir: try CLI.tempDir())
        try Data(text.utf8).write(to: URL(fileURLWithPath: c.doc))
        try Data(Self.parties.utf8).write(to: URL(fileURLWithPath: c.names))
        return c
    }

    func noPersonalData(_ r: Run, _ what: String) {
        for p in Self.planted { #expect(!r.stderr.contains(p) && !r.stdout.contains(p), "\(what) printed \(p)") }
    }

    // MARK: - profiles list|show|check

    @Test func listShowAndCheckTheBundledProfiles() throws {
        let list = try CLI.run(["profiles", "list"])
        #expect(list.status == 0)
        for id in ["defence", "court", "police", "probation-provider", "prison", "local-authority", "health-body", "charity",
                   "researcher", "victim", "other-government-department"] {
            #expect(list.stdout.contains("\n\(id)\t") || list.stdout.hasPrefix("\(id)\t"), "\(id)")
        }
        let show = try CLI.run(["profiles", "show", "--recipient", "charity"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("profile charity 2026.11.1"))
        #expect(show.stdout.contains("  defendant\tredact\tprivacy"))
        #expect(show.stdout.contains("offence-information pack: runs"))
        let check = try CLI.run(["profiles", "check"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("profiles checked, 0 problems"))
    }

    @Test func malformedAndInconsistentProfilesAreRefusedWithFileLineAndField() throws {
        let dir = try CLI.tempDir()
        let good = try String(contentsOf: CLI.root.appendingPathComponent("patterns/profiles/charity.profile"), encoding: .utf8)
        let local = dir.appendingPathComponent("local")
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        // Inconsistent: an unknown justification code. `profiles check` exits 1 and names it.
        let bad = good.replacingOccurrences(of: "id = charity", with: "id = my-charity")
            .replacingOccurrences(of: "recipients = charity", with: "recipients = other")
            .replacingOccurrences(of: "redact = nino identity-document", with: "redact = nino because-we-can")
        try Data(bad.utf8).write(to: local.appendingPathComponent("my-charity.profile"))
        let line = bad.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("redact = nino") }! + 1
        let check = try CLI.run(["profiles", "check", "--profiles", local.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("my-charity.profile:\(line): redact: unknown justification code"))
        #expect(check.stdout.contains("recipient type `other` is also claimed"))
        // Using it is refused before anything is written.
        let doc = dir.appendingPathComponent("doc.txt")
        try Data(Self.clean.utf8).write(to: doc)
        let apply = try CLI.run(["apply", doc.path, "--out", dir.appendingPathComponent("out").path, "--profiles", local.path,
                                 "--profile", "my-charity"])
        #expect(apply.status == 2)
        #expect(apply.stderr.contains("my-charity.profile:\(line): redact:"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/doc.txt").path))
        // Malformed: `profiles check` exits 2 naming file, line and field.
        try Data(bad.replacingOccurrences(of: "section14 = none", with: "section14 = C").utf8)
            .write(to: local.appendingPathComponent("my-charity.profile"))
        let malformed = try CLI.run(["profiles", "check", "--profiles", local.path])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("my-charity.profile:"), "\(malformed.stderr)")
        #expect(malformed.stderr.contains(": section14: expected A, B or none"))
    }

    // MARK: - What each recipient's copy keeps

    @Test func theDefenceGetsTheDefendantsNameAndACharityDoesNot() throws {
        let c = try setUp()
        let defence = try CLI.run(["apply", c.doc, "--out", c.out("defence"), "--names", c.names, "--recipient", "defence"])
        #expect(defence.status == 0, "\(defence.stderr)")
        let copy = try #require(c.read(c.out("defence") + "/doc.txt"))
        #expect(copy.contains("Mr Brian Stokes") && !copy.contains("Okafor") && !copy.contains("943 476 5919"))
        #expect(copy.contains("convicted of burglary"), "the defence profile does not run the offence pack")
        let entries = try c.manifest(c.out("defence") + "/doc.txt")
        let byRole = Dictionary(entries.compactMap { e in (e["role"] as? String).map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
        #expect(byRole["defendant"]?["style"] as? String == "keep")
        #expect(byRole["defendant"]?["justification"] as? String == "required-for-case")
        #expect(byRole["witness"]?["style"] as? String == "label")
        #expect(byRole["witness"]?["justification"] as? String == "third-party-data")
        #expect(entries.first { $0["category"] as? String == "phone_number" }?["justification"] as? String == "victim-witness-contact")
        // Every entry carries a justification code.
        #expect(entries.allSatisfy { ($0["justification"] as? String)?.isEmpty == false })

        let charity = try CLI.run(["apply", c.doc, "--out", c.out("charity"), "--names", c.names, "--recipient", "charity",
                                   "--release-held", "--second-checker", "qa-2"])
        #expect(charity.status == 0, "\(charity.stderr)")
        let charityCopy = try #require(c.read(c.out("charity") + "/doc.txt"))
        #expect(!charityCopy.contains("Stokes") && !charityCopy.contains("burglary"))
        let charityEntries = try c.manifest(c.out("charity") + "/doc.txt")
        #expect(charityEntries.allSatisfy { $0["style"] as? String == "label" })
        #expect(charityEntries.contains { $0["category"] as? String == "offence_information" && $0["justification"] as? String == "spent-conviction" })
        noPersonalData(defence, "apply")
    }

    @Test func scanAndCheckReportOnlyWhatTheRecipientsCopyRedacts() throws {
        let c = try setUp(Self.clean + "The defendant is Mr Brian Stokes.\n")
        let all = try CLI.run(["scan", c.doc, "--names", c.names, "--format", "jsonl"])
        #expect(all.stdout.split(separator: "\n").count == 3)
        let police = try CLI.run(["check", c.doc, "--names", c.names, "--recipient", "police", "--format", "jsonl"])
        #expect(police.status == 1)
        #expect(police.stdout.contains("\"findings\":1,\"by_category\":{\"nhs_number\":1}"), "\(police.stdout)")
        let defence = try CLI.run(["scan", c.doc, "--names", c.names, "--recipient", "defence", "--format", "jsonl"])
        let defendantAt = "\"start\":\(Self.clean.utf8.count + "The defendant is Mr ".utf8.count),"
        #expect(all.stdout.contains(defendantAt))
        #expect(defence.stdout.split(separator: "\n").count == 2 && !defence.stdout.contains(defendantAt), "\(defence.stdout)")
        // Several inputs (findings kept per file, not streamed): filtered the same way.
        let two = try CLI.run(["scan", c.doc, c.doc, "--names", c.names, "--recipient", "defence", "--format", "jsonl"])
        #expect(two.stdout.split(separator: "\n").count == 4 && !two.stdout.contains(defendantAt), "\(two.stdout)")
        // The court keeps every party's name; only the NHS number needs redacting.
        let court = try CLI.run(["scan", c.doc, "--names", c.names, "--recipient", "court", "--summary"])
        #expect(court.stdout.contains("nhs_number\t1") && !court.stdout.contains("person_name"), "\(court.stdout)")
    }

    // MARK: - Section 14

    @Test func aListBToListBShareIsRefusedWithoutABasisAndLoggedWithOne() throws {
        let c = try setUp(Self.clean)
        // A CPS area (List B) to a local authority (List B).
        let refused = try CLI.run(["apply", c.doc, "--out", c.out(), "--names", c.names, "--recipient", "local-authority"]
                                  + c.logArgs(area: "cps-wessex"))
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("section 14") && refused.stderr.contains("--basis"))
        #expect(!FileManager.default.fileExists(atPath: c.out() + "/doc.txt"))
        #expect(!FileManager.default.fileExists(atPath: c.log), "nothing written, not even the log")
        // --sender says what the sender is: the police are List B too.
        let police = try CLI.run(["apply", c.doc, "--out", c.out(), "--names", c.names, "--recipient", "local-authority",
                                  "--sender", "police"])
        #expect(police.status == 2 && police.stderr.contains("List B body (sender police)"))
        // A probation region (List A) may share with a local authority (List B).
        let listA = try CLI.run(["apply", c.doc, "--out", c.out("a"), "--names", c.names, "--recipient", "local-authority"]
                                + c.logArgs(area: "hmpps-pr-london"))
        #expect(listA.status == 0, "\(listA.stderr)")
        #expect(!listA.stderr.contains("section 14"))
        // With a basis: warned, written, and the basis logged after redaction.
        let basis = try CLI.run(["apply", c.doc, "--out", c.out("b"), "--names", c.names, "--recipient", "local-authority",
                                 "--basis", "Children Act 2004 s.11 duty; ref Ayodele Okafor"] + c.logArgs(area: "cps-wessex"))
        #expect(basis.status == 0, "\(basis.stderr)")
        #expect(basis.stderr.contains("warning: section 14"))
        let export = try c.export()
        #expect(export.contains("\"section14\":\"authorised\""))
        #expect(export.contains("\"section14\":\"needs-other-basis\""))
        #expect(export.contains("\"basis\":\"Children Act 2004 s.11 duty; ref [PERSON NAME]\""), "\(export)")
        #expect(export.contains("\"profile\":\"local-authority\",\"profile_version\":\"2026.11.1\""))
        for p in Self.planted { #expect(!export.contains(p)) }
        #expect(try CLI.run(["log", "verify", "--log", c.log]).status == 0)
    }

    // MARK: - Decisions to keep

    @Test func aDecisionToKeepLeavesTheFindingAndIsLoggedWithTheOperatorAndReason() throws {
        let c = try setUp(Self.clean)
        let nhsStart = Self.clean.utf8.count - "943 476 5919.\n".utf8.count
        let r = try CLI.run(["apply", c.doc, "--out", c.out(), "--names", c.names, "--recipient", "health-body",
                             "--keep", "person_name", "--keep", "doc.txt:\(nhsStart)-\(nhsStart + 12)",
                             "--reason", "Ayodele Okafor asked for her own name to stay", "--reason", "already on the referral",
                             "--keep-justification", "consent"] + c.logArgs())
        #expect(r.status == 0, "\(r.stderr)")
        let copy = try #require(c.read(c.out() + "/doc.txt"))
        #expect(copy == Self.clean, "both findings kept: the copy is the original")
        let entries = try c.manifest(c.out() + "/doc.txt")
        #expect(entries.count == 2 && entries.allSatisfy { $0["style"] as? String == "keep" && $0["justification"] as? String == "consent" })
        let export = try c.export()
        #expect(export.contains("\"operator\":\"op-17\""))
        #expect(export.contains("\"style\":\"keep\",\"justification\":\"consent\""))
        #expect(export.contains("\"reason\":\"[PERSON NAME] asked for her own name to stay\""), "\(export)")
        #expect(export.contains("\"reason\":\"already on the referral\""))
        noPersonalData(r, "apply --keep")
        for p in Self.planted { #expect(!export.contains(p)) }
    }

    @Test func keepOptionsAreChecked() throws {
        let c = try setUp(Self.clean)
        let noReason = try CLI.run(["apply", c.doc, "--out", c.out(), "--keep", "nhs_number"])
        #expect(noReason.status == 2 && noReason.stderr.contains("--reason"))
        let unknown = try CLI.run(["apply", c.doc, "--out", c.out(), "--keep", "shoe_size", "--reason", "x"])
        #expect(unknown.status == 2 && unknown.stderr.contains("shoe_size"))
        let notKeep = try CLI.run(["apply", c.doc, "--out", c.out(), "--keep", "nhs_number", "--reason", "x", "--keep-justification", "privacy"])
        #expect(notKeep.status == 2 && notKeep.stderr.contains("not a keep decision"))
        let unmatched = try CLI.run(["apply", c.doc, "--out", c.out(), "--keep", "1-2", "--reason", "x"])
        #expect(unmatched.status == 0 && unmatched.stderr.contains("--keep 1-2 matched no finding"))
    }

    // MARK: - Hold

    @Test func offenceInformationHoldsTheCopyForReviewAndTheHoldIsLogged() throws {
        let c = try setUp()
        try Data(Self.clean.utf8).write(to: c.dir.appendingPathComponent("in/clean.txt"), createFolder: true)
        try Data(Self.text.utf8).write(to: c.dir.appendingPathComponent("in/pre-cons.txt"), createFolder: true)
        let r = try CLI.run(["apply", c.dir.appendingPathComponent("in").path, "--out", c.out(), "--names", c.names,
                             "--recipient", "local-authority"] + c.logArgs())
        #expect(r.status == 4, "\(r.stderr)")
        #expect(r.stderr.contains("HELD for review") && r.stderr.contains("1 held for review"))
        // The clean document is released; the other is only in the hold folder, beside the output, never in it.
        #expect(c.read(c.out() + "/clean.txt") != nil)
        #expect(c.read(c.out() + "/pre-cons.txt") == nil && c.read(c.out() + "/pre-cons.txt.manifest.json") == nil)
        let held = try #require(c.read(c.out() + ".held/pre-cons.txt"))
        #expect(held.contains("[OFFENCE INFORMATION]") && !held.contains("burglary"))
        let export = try c.export()
        #expect(export.contains("\"kind\":\"hold\"") && export.contains("\"kind\":\"disclosure\""))
        #expect(export.contains("\"category\":\"offence_information\""))
        // After review, the reviewer releases it (and the release is logged with them).
        let noChecker = try CLI.run(["apply", c.doc, "--out", c.out("released"), "--names", c.names, "--recipient", "local-authority",
                                     "--release-held"])
        #expect(noChecker.status == 2 && noChecker.stderr.contains("--second-checker"))
        let released = try CLI.run(["apply", c.doc, "--out", c.out("released"), "--names", c.names, "--recipient", "local-authority",
                                    "--release-held", "--second-checker", "rev-3"] + c.logArgs())
        #expect(released.status == 0, "\(released.stderr)")
        #expect(c.read(c.out("released") + "/doc.txt") != nil)
        #expect(try c.export().contains("\"second_checker\":\"rev-3\""))
        // A profile that may hold cannot stream to standard output.
        let stdout = try CLI.run(["apply", c.doc, "--out", "-", "--recipient", "local-authority"])
        #expect(stdout.status == 2 && stdout.stdout.isEmpty)
        #expect(try CLI.run(["log", "verify", "--log", c.log]).status == 0)
    }
}

extension Data {
    func write(to url: URL, createFolder: Bool) throws {
        if createFolder { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
        try write(to: url)
    }
}
