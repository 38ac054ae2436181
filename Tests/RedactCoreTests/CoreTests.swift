import Foundation
import Testing
import RedactCore

@Suite struct CoreTests {
    /// The ids are a contract with `shared/taxonomy.md`: every id in its tables is known here,
    /// in the same order.
    @Test func taxonomyIdsMatchTheContract() throws {
        let expected = [
            "nino", "nhs_number", "pnc_id", "cro_number", "prison_number", "crn", "passport_number", "driving_licence",
            "vehicle_registration", "sort_code", "bank_account", "payment_card", "iban", "phone_number", "email_address",
            "postcode", "ip_address", "date_of_birth", "person_name", "address", "special_category",
        ]
        #expect(Category.taxonomy.map(\.rawValue) == expected)
        // Where shared/ sits beside the checkout (developers' machines and CI), read it too.
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/taxonomy.md")
        if let text = try? String(contentsOf: shared, encoding: .utf8) {
            let ids = text.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("| `") else { return nil }
                return line.split(separator: "`").dropFirst().first.map(String.init)
            }
            #expect(ids == expected)
        }
    }

    @Test func freeTextCategoriesAreNotStructured() {
        #expect(!Category.personName.isStructured && !Category.address.isStructured && !Category.specialCategory.isStructured)
        #expect(Category.nino.isStructured && Category.dateOfBirth.isStructured)
    }

    @Test func hexIsLowerCaseAndPadded() {
        #expect(Hex.encode([0x00, 0x0f, 0xab, 0xff]) == "000fabff")
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test func jsonQuotingEscapesControlsAndLineSeparators() {
        #expect(JSONText.quoted("a\"b\\c\n\r\t") == #""a\"b\\c\n\r\t""#)
        #expect(JSONText.quoted("\u{01}\u{7F}\u{2028}\u{2029}") == #""\u0001\u007f\u2028\u2029""#)
        #expect(JSONText.quoted("Zoë £5") == "\"Zoë £5\"")
    }
}
