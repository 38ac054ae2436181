import RedactApply
import Testing

@Suite struct MarkCheckTests {
    func verdict(_ style: String, _ category: String, _ original: String, _ output: String) -> MarkCheck.Verdict {
        MarkCheck.verify(style: style, category: category, original: Array(original.utf8), output: Array(output.utf8))
    }

    @Test func marksOfEachStyle() {
        #expect(verdict("label", "nhs_number", "943 476 5919", "[NHS NUMBER]") == .ok)
        #expect(verdict("label", "nhs_number", "943 476 5919", "[POSTCODE]") == .notAMark)
        #expect(verdict("block", "person_name", "Zoë", "███") == .ok)
        #expect(verdict("block", "person_name", "Zoë", "██") == .notAMark)
        #expect(verdict("mask", "nhs_number", "943 476-5919", "XXX XXX-XXXX") == .ok)
        #expect(verdict("mask", "nhs_number", "943 476-5919", "XXX XXX XXXX") == .notAMark)
        #expect(verdict("pseudonym", "person_name", "John Smith", "[PERSON-KDWQTM]") == .ok)
        #expect(verdict("pseudonym", "person_name", "John Smith", "[PERSON-KDWQT1]") == .notAMark)
        #expect(verdict("pseudonym", "person_name", "John Smith", "[PHONE-KDWQTM]") == .notAMark)
    }

    @Test func theOriginalLeftInPlaceIsNotAMark() {
        for style in ["label", "block", "mask", "pseudonym"] {
            #expect(verdict(style, "postcode", "SW1A 1AA", "SW1A 1AA") == .unchanged, "\(style)")
        }
    }

    @Test func keptSpansAndUnknownStyles() {
        #expect(verdict("keep", "postcode", "SW1A 1AA", "SW1A 1AA") == .ok)
        #expect(verdict("keep", "postcode", "SW1A 1AA", "[POSTCODE]") == .keptChanged)
        #expect(verdict("smudge", "postcode", "SW1A 1AA", "~~~~") == .unknownStyle)
    }
}
