import Testing
@testable import RedactProfiles

/// The section 14 rule table, every pair.
@Suite struct Section14Tests {
    @Test func everyPairOfListsHasItsVerdict() {
        let table: [(Section14List?, Section14List, Section14.Verdict)] = [
            (.a, .a, .authorised), (.a, .b, .authorised), (.a, .none, .notApplicable),
            (.b, .a, .authorised), (.b, .b, .needsOtherBasis), (.b, .none, .notApplicable),
            (.none, .a, .notApplicable), (.none, .b, .notApplicable), (.none, .none, .notApplicable),
            (nil, .a, .notApplicable), (nil, .b, .notApplicable), (nil, .none, .notApplicable),
        ]
        #expect(table.count == 4 * 3)
        for (sender, recipient, verdict) in table {
            #expect(Section14.verdict(sender: sender, recipient: recipient) == verdict, "\(String(describing: sender)) -> \(recipient)")
        }
    }

    @Test func theSendersListComesFromItsAreaGroup() {
        #expect(Section14.list(forAreaGroup: "hmpps-prison-group") == .a)
        #expect(Section14.list(forAreaGroup: "hmpps-probation-region") == .a)
        #expect(Section14.list(forAreaGroup: "cps-area") == .b)
        #expect(Section14.list(forAreaGroup: "cps-direct") == .b)
        #expect(Section14.list(forAreaGroup: "something-new") == nil)
        // Every group in the committed areas file is known.
        for row in Repo.reference("areas") { #expect(Section14.list(forAreaGroup: row[2]) != nil, "\(row[2])") }
    }

    @Test func theWarningNamesCodesAndAsksForABasis() {
        let w = Section14.warning(senderDescription: "area cps-wessex, cps-area", recipient: "local-authority")
        #expect(w.contains("List B") && w.contains("--basis") && w.contains("local-authority"))
    }
}
