import RedactCore
import Testing
@testable import RedactProfiles

@Suite struct KeepDecisionTests {
    let categories: Set<String> = ["nhs_number", "person_name"]
    let rules: Set<String> = ["nhs_number.spaced", "person_name.party"]

    func parse(_ s: String) throws -> KeepDecision {
        try KeepDecision.parse(s, justification: "consent", reason: "r", categories: categories, rules: rules)
    }

    @Test func targets() throws {
        #expect(try parse("nhs_number").target == .category("nhs_number"))
        #expect(try parse("nhs_number.spaced").target == .rule("nhs_number.spaced"))
        #expect(try parse("120-133").target == .span(file: nil, start: 120, end: 133))
        #expect(try parse("case/mg11.txt:120-133").target == .span(file: "case/mg11.txt", start: 120, end: 133))
        #expect(try parse("C:/x/mg11.txt:1-2").target == .span(file: "C:/x/mg11.txt", start: 1, end: 2))
    }

    @Test func refusals() {
        for bad in ["shoe_size", "133-120", "5-5", ":1-2", "12-", "-12", "1-2-3"] {
            #expect(throws: KeepDecision.ParseError.self, "\(bad)") { try parse(bad) }
        }
    }

    @Test func spansCoverFindingsInsideThemInTheirFileOnly() throws {
        let k = try parse("mg11.txt:100-200")
        #expect(k.matches(path: "case/mg11.txt", category: "nino", rule: "x", start: 120, end: 133))
        #expect(k.matches(path: "mg11.txt", category: "nino", rule: "x", start: 100, end: 200))
        #expect(!k.matches(path: "case/mg11.txt", category: "nino", rule: "x", start: 90, end: 133))
        #expect(!k.matches(path: "case/mg12.txt", category: "nino", rule: "x", start: 120, end: 133))
        #expect(!k.matches(path: "case/xmg11.txt", category: "nino", rule: "x", start: 120, end: 133))
        #expect(try parse("100-200").matches(path: "any/file.txt", category: "nino", rule: "x", start: 150, end: 160))
    }

    @Test func spansNeverCoverFindingsInsideAContainersPart() throws {
        // Offsets of a finding with a locator index a paragraph or MIME part, not the file.
        #expect(!(try parse("mg11.docx:100-200")).matches(path: "mg11.docx", category: "nino", rule: "x", start: 120, end: 133,
                                                          locator: "word/document.xml#p3"))
        #expect(try parse("mg11.docx:100-200").matches(path: "mg11.docx", category: "nino", rule: "x", start: 120, end: 133))
        #expect(try parse("nhs_number").matches(path: "mg11.docx", category: "nhs_number", rule: "x", start: 120, end: 133, locator: "mime:1"))
    }
}

@Suite struct RedactionPolicyTests {
    let profile = try! ProfileParser.parse(minimalProfile, file: "test.profile")

    func policy(_ keeps: [KeepDecision] = []) -> RedactionPolicy {
        RedactionPolicy(profile: profile, keeps: keeps) { Repo.defaults[$0] ?? "privacy" }
    }

    @Test func withoutAProfileEverythingIsRedactedWithTheCategoryDefault() {
        let p = RedactionPolicy(profile: nil) { Repo.defaults[$0] ?? "privacy" }
        let d = p.decide(path: "a", category: "nino", rule: "nino.standard", role: nil, start: 0, end: 9)
        #expect(d == .init(redacted: true, justification: "identity-document"))
        #expect(p.decide(path: "a", category: "made_up", rule: "x", role: nil, start: 0, end: 1).justification == "privacy")
        #expect(p.decide(path: "a", category: "offence_information", rule: "x", role: nil, start: 0, end: 1).justification == "criminal-record")
    }

    @Test func aKeepDecisionBeatsTheRoleWhichBeatsTheCategory() throws {
        // The profile keeps person_name (consent) but redacts the victim role.
        #expect(policy().decide(path: "a", category: "person_name", rule: "person_name.titled", role: nil, start: 0, end: 5)
                == .init(redacted: false, justification: "consent"))
        #expect(policy().decide(path: "a", category: "person_name", rule: "person_name.party", role: .unspecified, start: 0, end: 5)
                == .init(redacted: false, justification: "consent"))
        #expect(policy().decide(path: "a", category: "person_name", rule: "person_name.party", role: .victim, start: 0, end: 5)
                == .init(redacted: true, justification: "third-party-data"))
        let keep = KeepDecision(target: .span(file: nil, start: 0, end: 10), justification: "required-for-case", reason: "why", text: "0-10")
        let d = policy([keep]).decide(path: "a", category: "person_name", rule: "person_name.party", role: .victim, start: 0, end: 5)
        #expect(d == .init(redacted: false, justification: "required-for-case", reason: "why", keepIndex: 0))
        // A category the profile does not name is redacted, with its default.
        #expect(policy().decide(path: "a", category: "postcode", rule: "postcode", role: nil, start: 0, end: 5)
                == .init(redacted: true, justification: "contact-details"))
    }

    @Test func documentsAreHeldOnlyWhenTheProfileRunsTheOffencePack() throws {
        #expect(!policy().holds(categories: ["offence_information"]))
        let offence = try ProfileParser.parse(minimalProfile.replacingOccurrences(of: "offence_pack = false", with: "offence_pack = true"), file: "test.profile")
        let p = RedactionPolicy(profile: offence) { _ in "privacy" }
        #expect(p.holds(categories: ["nino", "offence_information"]))
        #expect(!p.holds(categories: ["nino", "person_name"]))
    }
}
