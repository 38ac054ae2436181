import Testing
@testable import CorpusKit

/// Accept/reject lists from `shared/identifiers.md`, run through the corpus's own validators.
@Suite struct ValidatorTests {
    let none = ArraySlice<UInt8>()
    func ctx(_ s: String) -> ArraySlice<UInt8> { ArraySlice(Array(s.utf8)) }
    func ok(_ c: PlantCategory, _ s: String, _ before: String = "") -> Bool { Validators.accepts(c, s, before: ctx(before)) }

    @Test func nino() {
        for s in ["AB 12 34 56 C", "AB123456C", "OA123456A", "JY123456B", "MA123456A", "TN310855M", "TN 31 08 55 F", "ab123456c"] {
            #expect(ok(.nino, s), "\(s)")
        }
        for s in ["QQ 12 34 56 C", "TN 12 34 56 A", "AO123456A", "GB123456A", "BG123456A", "AB123456E", "DA123456A", "TN320855M"] {
            #expect(!ok(.nino, s), "\(s)")
        }
    }

    @Test func pncAndCro() {
        for s in ["2002/0073319Z", "02/73319Z", "79/163001B", "1981/0154257C"] { #expect(ok(.pnc_id, s), "\(s)") }
        #expect(!ok(.pnc_id, "1981/0154257D"))
        #expect(!ok(.pnc_id, "JS/1"))
        for s in ["265416/21G", "65656/91H", "065656/91H", "SF05/482703J", "SF83/50058Z"] { #expect(ok(.cro_number, s), "\(s)") }
        #expect(!ok(.cro_number, "85227/65G"))
    }

    @Test func nhsNeedsShapeOrContext() {
        #expect(ok(.nhs_number, "401 023 2137"))
        #expect(ok(.nhs_number, "401-023-2137"))
        #expect(!ok(.nhs_number, "401 023-2137"))
        #expect(!ok(.nhs_number, "4010232137"))
        #expect(ok(.nhs_number, "4010232137", "NHS number: "))
        #expect(!ok(.nhs_number, "401 023 2138"))
    }

    @Test func postcodes() {
        for s in ["SW1A 1AA", "SW1A1AA", "EC1A 1BB", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "W1P 1AA", "LS1 4AP", "BT1 1AA", "sw1a 1aa"] {
            #expect(ok(.postcode, s), "\(s)")
        }
        for s in ["Q1 1AA", "X1 1AA", "AI1 1AA", "M1 1AC", "EC1Z 1AA", "SW1A-1AA", "SW1A  1AA"] { #expect(!ok(.postcode, s), "\(s)") }
    }

    @Test func vehicles() {
        for s in ["AB12 CDE", "CA22 ABC", "SR60 BMD", "AB12CDE", "A123 BCD", "ABC 123D"] { #expect(ok(.vehicle_registration, s), "\(s)") }
        for s in ["IB12 CDE", "AB12 CDI", "AB01 CDE", "LZ51 ABC"] { #expect(!ok(.vehicle_registration, s), "\(s)") }
    }

    @Test func drivingLicence() {
        for s in ["MORGA657054SM9IJ", "MORGA 657054 SM9IJ", "MORGA 657054 SM 9IJ", "MORGA657054SM9IJ 35", "LEE99601012A99AB"] {
            #expect(ok(.driving_licence, s), "\(s)")
        }
        for s in ["MORGA713116SM9IJ", "LE9E9601012A99AB", "MORGA6570549S9IJ", "MORGA657054SM9I1"] {
            #expect(!ok(.driving_licence, s), "\(s)")
        }
    }

    @Test func cardsAndIbans() {
        #expect(ok(.payment_card, "4111 1111 1111 1111"))
        #expect(ok(.payment_card, "3782 822463 10005"))
        #expect(ok(.payment_card, "5555-5555-5555-4444"))
        #expect(!ok(.payment_card, "5555-5555 5555-4444"))
        #expect(!ok(.payment_card, "9780141036144"))           // an ISBN: no scheme
        #expect(ok(.iban, "GB82 WEST 1234 5698 7654 32"))
        #expect(ok(.iban, "GB82WEST12345698765432"))
        #expect(!ok(.iban, "GB83 WEST 1234 5698 7654 32"))
    }

    @Test func dramaPhonesOnly() {
        for s in ["07700 900123", "+44 7700 900123", "+44 (0)7700 900123", "0044 7700 900123", "020 7946 0123", "(0113) 496 0123", "0191 498 0001", "01632 960999"] {
            #expect(ok(.phone_number, s), "\(s)")
        }
        for s in ["07700 901123", "020 7946 1123", "+1 212 555 0147", "+33 1 99 00 12 34", "0113 497 0123"] {
            #expect(!ok(.phone_number, s), "\(s)")
        }
    }

    @Test func contextCategories() {
        #expect(ok(.date_of_birth, "12/03/1987", "DOB: "))
        #expect(ok(.date_of_birth, "3rd March 1987", "she was born on "))
        #expect(!ok(.date_of_birth, "12/03/2024", "The hearing is on "))
        #expect(!ok(.date_of_birth, "12/03/1987", "Mr Osborne on "))       // word boundary
        #expect(!ok(.date_of_birth, "31/02/1987", "DOB "))
        #expect(ok(.sort_code, "20-00-00", "sort code "))
        #expect(!ok(.sort_code, "20-00-00", "on "))
        #expect(ok(.bank_account, "41234567", "account number "))
        #expect(ok(.passport_number, "123456789", "passport no. "))
        #expect(ok(.crn, "X123456", "CRN: "))
        #expect(!ok(.crn, "X123456"))
    }

    @Test func addressesAndOthers() {
        #expect(ok(.address, "14 Marlow Road, Hendley"))
        #expect(ok(.address, "14 Marlow Road\nHendley"))
        #expect(ok(.address, "14 Marlow Road,\r\nHendley"))
        #expect(!ok(.address, "Marlow Road, Hendley"))
        #expect(!ok(.address, "section 18 of the Offences against the Person Act 1861"))
        #expect(ok(.ip_address, "192.0.2.14"))
        #expect(ok(.ip_address, "2001:db8::1f"))
        #expect(!ok(.ip_address, "14:35"))
        #expect(!ok(.ip_address, "256.1.1.1"))
        #expect(ok(.email_address, "zoe.smith@example.org"))
        #expect(!ok(.email_address, "zoe.smith@example"))
        #expect(ok(.special_category, "Type 2 Diabetes"))
        #expect(!ok(.special_category, "diabetic"))
    }

    @Test func namesNeedAPersonAndTitlesForSurnames() {
        var book = NameBook()
        book.add(forename: "Zoë", surname: "Smith-Jones")
        book.add(forename: "Hüseyin", surname: "Yılmaz")
        #expect(book.accepts("Zoë Smith-Jones", before: none))
        #expect(book.accepts("ZOË SMITH-JONES", before: none))
        #expect(book.accepts("SMITH-JONES, Zoë", before: none))
        #expect(book.accepts("HÜSEYIN YILMAZ", before: none))
        #expect(book.accepts("Smith-Jones", before: ctx("said Mrs ")))
        #expect(!book.accepts("Smith-Jones", before: ctx("said ")))
        #expect(!book.accepts("Justice Hallerton", before: ctx("Mr ")))
    }
}
