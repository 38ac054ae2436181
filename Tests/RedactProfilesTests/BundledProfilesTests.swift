import RedactCore
import Testing
@testable import RedactProfiles

/// The profiles in `patterns/profiles`: all consistent, one for every recipient type, and each
/// deciding what its recipient may see.
@Suite struct BundledProfilesTests {
    @Test func everyProfileIsConsistentAndEveryRecipientTypeHasOne() throws {
        let set = try Repo.bundled()
        #expect(set.profiles.count >= 11)
        for p in set.profiles {
            let problems = ProfileChecker.problems(p, vocabulary: Repo.vocabulary)
            #expect(problems.isEmpty, "\(p.id): \(problems)")
        }
        #expect(ProfileChecker.coverage(set, vocabulary: Repo.vocabulary).isEmpty)
        for id in ["defence", "court", "police", "probation-provider", "prison", "local-authority", "health-body", "charity",
                   "researcher", "victim", "other-government-department"] {
            #expect(set.profile(forRecipient: id)?.id == id, "\(id)")
        }
        #expect(set.profile(forRecipient: "regulator")?.id == "other")
    }

    /// What each profile does with: the defendant's and a witness's name, a PNC id, an NHS
    /// number, a phone number and offence information: (redacted?, justification) for each.
    struct Expectation: Sendable, CustomTestStringConvertible {
        var id: String
        var list: Section14List
        var agreement: AgreementType
        var offencePack: Bool
        var defendant: (Bool, String)
        var witness: (Bool, String)
        var pnc: (Bool, String)
        var nhs: (Bool, String)
        var phone: (Bool, String)
        var testDescription: String { id }
    }

    static let table: [Expectation] = [
        .init(id: "defence", list: .none, agreement: .none, offencePack: false, defendant: (false, "required-for-case"),
              witness: (true, "third-party-data"), pnc: (false, "required-for-case"), nhs: (true, "medical"), phone: (true, "victim-witness-contact")),
        .init(id: "court", list: .none, agreement: .none, offencePack: false, defendant: (false, "required-for-case"),
              witness: (false, "required-for-case"), pnc: (false, "required-for-case"), nhs: (true, "medical"), phone: (true, "victim-witness-contact")),
        .init(id: "police", list: .b, agreement: .type1, offencePack: false, defendant: (false, "already-known-to-recipient"),
              witness: (false, "already-known-to-recipient"), pnc: (false, "already-known-to-recipient"), nhs: (true, "medical"),
              phone: (false, "already-known-to-recipient")),
        .init(id: "probation-provider", list: .a, agreement: .type2, offencePack: false, defendant: (false, "required-for-case"),
              witness: (true, "third-party-data"), pnc: (false, "required-for-case"), nhs: (true, "medical"), phone: (true, "victim-witness-contact")),
        .init(id: "prison", list: .a, agreement: .type3, offencePack: false, defendant: (false, "required-for-case"),
              witness: (true, "third-party-data"), pnc: (false, "required-for-case"), nhs: (true, "medical"), phone: (true, "victim-witness-contact")),
        .init(id: "local-authority", list: .b, agreement: .type3, offencePack: true, defendant: (false, "required-for-case"),
              witness: (true, "third-party-data"), pnc: (true, "criminal-record"), nhs: (true, "medical"), phone: (true, "contact-details")),
        .init(id: "health-body", list: .none, agreement: .type3, offencePack: false, defendant: (false, "required-for-case"),
              witness: (true, "third-party-data"), pnc: (true, "criminal-record"), nhs: (false, "required-for-case"), phone: (true, "contact-details")),
        .init(id: "charity", list: .none, agreement: .type4, offencePack: true, defendant: (true, "privacy"),
              witness: (true, "third-party-data"), pnc: (true, "criminal-record"), nhs: (true, "medical"), phone: (true, "contact-details")),
        .init(id: "researcher", list: .none, agreement: .type1, offencePack: true, defendant: (true, "privacy"),
              witness: (true, "privacy"), pnc: (true, "criminal-record"), nhs: (true, "medical"), phone: (true, "contact-details")),
        .init(id: "victim", list: .none, agreement: .none, offencePack: true, defendant: (false, "already-known-to-recipient"),
              witness: (true, "third-party-data"), pnc: (true, "criminal-record"), nhs: (true, "medical"), phone: (true, "victim-witness-contact")),
        .init(id: "witness", list: .none, agreement: .none, offencePack: true, defendant: (true, "privacy"),
              witness: (false, "already-known-to-recipient"), pnc: (true, "criminal-record"), nhs: (true, "medical"), phone: (true, "victim-witness-contact")),
        .init(id: "other-government-department", list: .b, agreement: .type1, offencePack: false, defendant: (false, "required-for-case"),
              witness: (true, "third-party-data"), pnc: (true, "criminal-record"), nhs: (true, "medical"), phone: (true, "contact-details")),
        .init(id: "parole-board", list: .b, agreement: .type1, offencePack: false, defendant: (false, "required-for-case"),
              witness: (true, "third-party-data"), pnc: (false, "required-for-case"), nhs: (true, "medical"), phone: (true, "victim-witness-contact")),
        .init(id: "youth-justice", list: .b, agreement: .type2, offencePack: false, defendant: (false, "required-for-case"),
              witness: (true, "third-party-data"), pnc: (false, "required-for-case"), nhs: (true, "medical"), phone: (true, "victim-witness-contact")),
        .init(id: "other", list: .none, agreement: .type1, offencePack: true, defendant: (true, "privacy"),
              witness: (true, "third-party-data"), pnc: (true, "criminal-record"), nhs: (true, "medical"), phone: (true, "contact-details")),
    ]

    @Test(arguments: table)
    func eachProfileDecidesWhatItsRecipientSees(_ e: Expectation) throws {
        let p = try #require(try Repo.bundled().profile(id: e.id))
        #expect(p.section14 == e.list && p.agreement == e.agreement && p.offencePack == e.offencePack)
        let policy = RedactionPolicy(profile: p) { Repo.defaults[$0] ?? "privacy" }
        func d(_ category: String, _ role: PartyRole? = nil) -> (Bool, String) {
            let x = policy.decide(path: "doc.txt", category: category, rule: "\(category).r", role: role, start: 0, end: 4)
            return (x.redacted, x.justification)
        }
        #expect(d("person_name", .defendant) == e.defendant, "defendant")
        #expect(d("person_name", .witness) == e.witness, "witness")
        #expect(d("pnc_id") == e.pnc, "pnc_id")
        #expect(d("nhs_number") == e.nhs, "nhs_number")
        #expect(d("phone_number") == e.phone, "phone_number")
        // Offence information is never kept, and where the pack runs the document is held.
        #expect(d("offence_information").0)
        #expect(policy.holds(categories: ["offence_information"]) == e.offencePack)
        if e.offencePack { #expect(d("offence_information").1 == "spent-conviction") }
        #expect(!p.version.isEmpty && !p.legalBasis.isEmpty)
        #expect(p.agreement.allowedSignatories.contains(p.signatory))
    }

    @Test func localAuthorityAndThirdPartiesRunTheOffencePack() throws {
        let set = try Repo.bundled()
        for id in ["local-authority", "charity", "researcher", "other"] { #expect(set.profile(id: id)?.offencePack == true, "\(id)") }
    }

    @Test func duplicateIdsAcrossFoldersAreRefused() throws {
        let error = #expect(throws: ProfileError.self) { try ProfileSet.load(directories: [Repo.profiles, Repo.profiles]) }
        #expect(error?.field == "id")
    }
}
