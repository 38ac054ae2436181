import Testing
@testable import RedactProfiles

/// Malformed profiles are refused naming the file, the line and the field.
@Suite struct ProfileParserTests {
    @Test func theMinimalProfileParses() throws {
        let p = try ProfileParser.parse(minimalProfile, file: "profiles/test.profile")
        #expect(p.id == "test" && p.version == "1.0" && p.section14 == .none && p.agreement == .type4)
        #expect(p.recipients == ["charity"])
        #expect(p.redact.map(\.category) == ["nhs_number"] && p.keep.map(\.category) == ["person_name"])
        #expect(p.roles.count == 5 && p.rule(for: .defendant)?.redacted == false)
        #expect(p.lines["section14"] == 6)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var replace: String
        var with: String
        var line: Int
        var field: String
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "unknown key", replace: "label = Test profile", with: "colour = blue", line: 3, field: "colour"),
        Bad(name: "no equals sign", replace: "label = Test profile", with: "label Test profile", line: 3, field: "profile"),
        Bad(name: "section 14 list", replace: "section14 = none", with: "section14 = C", line: 6, field: "section14"),
        Bad(name: "agreement type", replace: "agreement = 4", with: "agreement = 5", line: 7, field: "agreement"),
        Bad(name: "signatory", replace: "signatory = governor-director", with: "signatory = mayor", line: 8, field: "signatory"),
        Bad(name: "offence pack flag", replace: "offence_pack = false", with: "offence_pack = maybe", line: 9, field: "offence_pack"),
        Bad(name: "redact without a code", replace: "redact = nhs_number medical", with: "redact = nhs_number", line: 10, field: "redact"),
        Bad(name: "unknown role", replace: "redact_role = officer privacy", with: "redact_role = judge privacy", line: 15, field: "redact_role"),
        Bad(name: "repeated key", replace: "version = 1.0", with: "version = 1.0\nversion = 2.0", line: 3, field: "version"),
        Bad(name: "empty value", replace: "label = Test profile", with: "label =", line: 3, field: "label"),
        Bad(name: "missing key", replace: "legal_basis = a test\n", with: "", line: 0, field: "legal_basis"),
        Bad(name: "id not the file name", replace: "id = test", with: "id = other", line: 1, field: "id"),
        Bad(name: "id not a code", replace: "id = test", with: "id = Test Profile", line: 1, field: "id"),
        Bad(name: "recipients not codes", replace: "recipients = charity", with: "recipients = Charity Shop", line: 4, field: "recipients"),
    ]

    @Test(arguments: bad)
    func malformedProfilesAreRefusedWithFileLineAndField(_ b: Bad) throws {
        let text = minimalProfile.replacingOccurrences(of: b.replace, with: b.with)
        #expect(text != minimalProfile, "the table's replace text must occur")
        let error = #expect(throws: ProfileError.self) { try ProfileParser.parse(text, file: "profiles/test.profile") }
        #expect(error?.file == "profiles/test.profile")
        #expect(error?.line == b.line)
        #expect(error?.field == b.field)
        #expect(error?.malformed == true)
        #expect(error?.description.hasPrefix(b.line > 0 ? "profiles/test.profile:\(b.line): \(b.field): " : "profiles/test.profile: \(b.field): ") == true)
    }

    @Test func messagesNeverQuoteTheLegalBasis() throws {
        let text = minimalProfile.replacingOccurrences(of: "legal_basis = a test", with: "legal_basis = Perpetua Quibbleworth\nlegal_basis = x")
        let error = #expect(throws: ProfileError.self) { try ProfileParser.parse(text, file: "t/test.profile") }
        #expect(error.map { !$0.description.contains("Quibbleworth") } == true)
    }

    @Test func aCRLFFileWithAByteOrderMarkParses() throws {
        let text = "\u{FEFF}" + minimalProfile.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try ProfileParser.parse(text, file: "test.profile").id == "test")
    }
}
