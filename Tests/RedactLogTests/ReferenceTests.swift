import Foundation
import Testing
@testable import RedactLog

@Suite struct ReferenceTests {
    /// The repository's reference folder, found from this file's path.
    static let repoReference = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("reference")

    @Test func builtInCopyMatchesTheFiles() throws {
        // If this fails, run reference/embed.sh after editing a .tsv file.
        for kind in Reference.Kind.allCases {
            let file = try String(contentsOf: Self.repoReference.appendingPathComponent(kind.fileName), encoding: .utf8)
            let embedded = try #require(ReferenceDefaults.texts[kind])
            #expect(file.trimmingCharacters(in: .newlines) == embedded.trimmingCharacters(in: .newlines), "\(kind.fileName)")
        }
        let loaded = try Reference.load(directory: Self.repoReference)
        for kind in Reference.Kind.allCases {
            #expect(loaded.entries(kind) == Reference.builtIn.entries(kind))
        }
    }

    /// Reference files saved on Windows load the same entries (split as Characters, each file
    /// was one line: one entry with every other line in its label).
    @Test func windowsLineEndingsLoadTheSameEntries() throws {
        var texts: [Reference.Kind: String] = [:]
        for kind in Reference.Kind.allCases {
            let text = try #require(ReferenceDefaults.texts[kind])
            texts[kind] = text.replacingOccurrences(of: "\n", with: "\r\n")
        }
        let crlf = try Reference(texts: texts, origin: "crlf")
        for kind in Reference.Kind.allCases {
            #expect(crlf.entries(kind) == Reference.builtIn.entries(kind), "\(kind.fileName)")
        }
    }

    @Test func theListsHoldWhatTheIssueNames() {
        let r = Reference.builtIn
        let cps = r.entries(.areas).filter { $0.attributes.first == "cps-area" }
        #expect(cps.count == 14)
        #expect(r.contains("cps-direct", in: .areas))
        #expect(r.entries(.areas).filter { $0.attributes.first == "hmpps-probation-region" }.count == 12)
        #expect(r.codes(.severities) == ["very-minor", "retained-within-cjs", "severe"])
        for code in ["defence", "court", "police", "probation-provider", "prison", "local-authority", "health-body",
                     "charity", "researcher", "victim", "other-government-department"] {
            #expect(r.contains(code, in: .recipients), "\(code)")
        }
        for code in ["failure-to-redact", "wrong-recipient-email", "wrong-recipient-post", "failure-to-use-bcc",
                     "loss-or-theft-of-paperwork", "lost-device", "insecure-disposal-paperwork", "verbal-disclosure",
                     "unauthorised-access", "phishing"] {
            #expect(r.contains(code, in: .breachTypes), "\(code)")
        }
        for code in ["privacy", "third-party-data", "victim-witness-contact", "medical", "not-relevant",
                     "spent-conviction", "disproportionate-to-redact"] {
            #expect(r.contains(code, in: .justifications), "\(code)")
        }
        #expect(r.isKeepDecision("disproportionate-to-redact"))
        #expect(!r.isKeepDecision("medical"))
        #expect(r.entries(.sources).filter { $0.code.hasSuffix("-police") }.count >= 43)
    }

    @Test func everyCodeIsURLSafeAndEveryCategoryHasADefault() {
        let r = Reference.builtIn
        for kind in Reference.Kind.allCases where kind != .categoryJustifications {
            for c in r.codes(kind) { #expect(Validation.isCode(c), "\(kind): \(c)") }
        }
        for c in ["nino", "nhs_number", "pnc_id", "cro_number", "prison_number", "crn", "passport_number",
                  "driving_licence", "vehicle_registration", "sort_code", "bank_account", "payment_card", "iban",
                  "phone_number", "email_address", "postcode", "ip_address", "date_of_birth", "person_name",
                  "address", "special_category"] {
            #expect(r.contains(c, in: .categoryJustifications), "\(c)")
        }
        #expect(r.defaultJustification(for: "nhs_number") == "medical")
        #expect(r.defaultJustification(for: "a_pack_category") == "privacy")
    }

    @Test func unknownCodesAreRefusedWithTheValidOnes() {
        let error = #expect(throws: LogError.self) { try Reference.builtIn.validate("cps-atlantis", .areas) }
        #expect(error?.kind == .unknownCode)
        #expect(error?.validCodes.contains("cps-wessex") == true)
        #expect(error?.description.contains("cps-atlantis") == true)
        // A value that is not a code is not echoed (it may be personal data typed in the wrong place).
        let e2 = #expect(throws: LogError.self) { try Reference.builtIn.validate(Planted.name, .recipients) }
        #expect(e2?.description.contains(Planted.name) == false)
    }

    @Test func locateFollowsExplicitThenEnvironmentThenBuiltIn() throws {
        let dir = TempDir()
        for kind in Reference.Kind.allCases {
            var text = ReferenceDefaults.texts[kind]!
            if kind == .areas { text += "\ntest-area\tA test area\tcps-area\n" }
            try text.write(toFile: dir.path(kind.fileName), atomically: true, encoding: .utf8)
        }
        #expect(try Reference.locate(explicitDirectory: dir.url.path, environment: [:]).contains("test-area", in: .areas))
        #expect(try Reference.locate(environment: ["REDACT_REFERENCE": dir.url.path]).contains("test-area", in: .areas))
        #expect(try Reference.locate(environment: [:]).origin == "built-in")
        #expect(throws: LogError.self) { try Reference.locate(explicitDirectory: dir.path("missing"), environment: [:]) }
    }

    @Test func malformedFilesAreRefused() {
        var texts = ReferenceDefaults.texts
        texts[.severities] = "Very Minor\tbad code\n"
        #expect(throws: LogError.self) { try Reference(texts: texts, origin: "test") }
        texts = ReferenceDefaults.texts
        texts[.severities] = "severe\tSevere\nsevere\tagain\n"
        #expect(throws: LogError.self) { try Reference(texts: texts, origin: "test") }
        texts = ReferenceDefaults.texts
        texts[.categoryJustifications] = "nhs_number\tno-such-justification\n"
        #expect(throws: LogError.self) { try Reference(texts: texts, origin: "test") }
    }
}

@Suite struct LogTimeTests {
    @Test func formatsAndParsesUTCToTheMillisecond() {
        let d = Date(timeIntervalSince1970: 1_700_000_000.123_9)
        #expect(LogTime.format(d) == "2023-11-14T22:13:20.123Z")
        #expect(LogTime.parse("2023-11-14T22:13:20.123Z") == Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(LogTime.format(LogTime.parse("2024-02-29")!) == "2024-02-29T00:00:00.000Z")
        #expect(LogTime.format(LogTime.parse("2024-06-01T10:00+01:00")!) == "2024-06-01T09:00:00.000Z")
        #expect(LogTime.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
    }

    @Test func refusesImpossibleAndZonelessTimes() {
        for s in ["2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10", "2025-01-01T24:00Z", "2025-01-01T10:60Z",
                  "2025-01-01T10:00", "25-01-01", "2025-1-1", "yesterday", "2025-01-01T10:00:00.Z", "2025-01-01Tx"] {
            #expect(LogTime.parse(s) == nil, "\(s)")
        }
    }
}
