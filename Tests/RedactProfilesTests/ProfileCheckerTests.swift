import Testing
@testable import RedactProfiles

/// Consistency with the reference data: codes, roles, signatories.
@Suite struct ProfileCheckerTests {
    func problems(_ replace: String, _ with: String) throws -> [ProfileError] {
        let text = minimalProfile.replacingOccurrences(of: replace, with: with)
        #expect(text != minimalProfile)
        return ProfileChecker.problems(try ProfileParser.parse(text, file: "test.profile"), vocabulary: Repo.vocabulary)
    }

    @Test func theMinimalProfileIsConsistent() throws {
        #expect(ProfileChecker.problems(try ProfileParser.parse(minimalProfile, file: "test.profile"), vocabulary: Repo.vocabulary).isEmpty)
    }

    @Test func eachInconsistencyIsNamedWithItsLineAndField() throws {
        let cases: [(String, String, Int, String, String)] = [
            ("redact = nhs_number medical", "redact = shoe_size medical", 10, "redact", "unknown category"),
            ("redact = nhs_number medical", "redact = nhs_number because", 10, "redact", "unknown justification"),
            ("redact = nhs_number medical", "redact = nhs_number consent", 10, "redact", "decision to keep"),
            ("keep = person_name consent", "keep = person_name medical", 11, "keep", "not a decision to keep"),
            ("keep = person_name consent", "keep = nhs_number consent", 11, "keep", "already decided"),
            ("keep_role = defendant required-for-case", "keep_role = defendant privacy", 14, "keep_role", "not a decision to keep"),
            ("redact_role = officer privacy\n", "", 0, "redact_role", "officer"),
            ("recipients = charity", "recipients = pigeon-fanciers", 4, "recipients", "unknown recipient"),
            ("signatory = governor-director", "signatory = siro", 8, "signatory", "agreement 4"),
            ("offence_pack = false", "offence_pack = true\nkeep = offence_information consent", 9, "offence_pack", "kept"),
        ]
        for (replace, with, line, field, words) in cases {
            let found = try problems(replace, with)
            #expect(found.count == 1, "\(with): \(found)")
            guard let p = found.first else { continue }
            #expect(p.line == line && p.field == field && !p.malformed, "\(with): \(p)")
            #expect(p.message.contains(words), "\(with): \(p.message)")
        }
    }

    @Test func everyAgreementTypeHasItsSignatories() {
        #expect(AgreementType.type1.allowedSignatories == [.siro])
        #expect(AgreementType.type2.allowedSignatories == [.regionalDirector])
        #expect(AgreementType.type3.allowedSignatories == [.governorDirector, .regionalDirector])
        #expect(AgreementType.type4.allowedSignatories == [.governorDirector, .regionalDirector])
        #expect(AgreementType.none.allowedSignatories == [.none])
    }
}
