import Testing
@testable import CorpusKit

/// Worked examples from `shared/identifiers.md` (each recomputed there independently).
@Suite struct CheckDigitTests {
    func digits(_ s: String) -> [Int] { s.compactMap { $0.wholeNumberValue } }

    @Test func nhsModulus11() {
        #expect(CheckDigits.nhsValid(digits("9434765919")))
        #expect(CheckDigits.nhsValid(digits("9990000018")))
        #expect(CheckDigits.nhsValid(digits("0211165794")))   // CHI
        #expect(CheckDigits.nhsValid(digits("3200000015")))   // H&C
        #expect(!CheckDigits.nhsValid(digits("9876544321")))
        #expect(!CheckDigits.nhsValid(digits("4857773456")))
        #expect(CheckDigits.nhsValid(digits("4010232137")))   // the taxonomy's example
    }

    @Test func luhn() {
        #expect(CheckDigits.luhnValid(digits("4111111111111111")))
        #expect(CheckDigits.luhnValid(digits("378282246310005")))
        #expect(CheckDigits.luhnValid(digits("5555555555554444")))
        #expect(CheckDigits.luhnValid(digits("2223003122003222")))
        #expect(!CheckDigits.luhnValid(digits("4111111111111112")))
        #expect(CheckDigits.luhnCheck(digits("411111111111111")) == 1)
    }

    @Test func ibanMod97() {
        #expect(CheckDigits.ibanValid("GB82WEST12345698765432"))
        #expect(CheckDigits.ibanValid("GB29NWBK60161331926819"))
        #expect(CheckDigits.ibanValid("GB26MIDL40051512345674"))
        #expect(!CheckDigits.ibanValid("GB83WEST12345698765432"))
        #expect(CheckDigits.ibanCheck(country: "GB", bban: "WEST12345698765432") == "82")
    }

    @Test func modulus23Letters() {
        #expect(CheckDigits.mod23Letter("020073319") == "Z")     // 02/73319Z
        #expect(CheckDigits.mod23Letter("790163001") == "B")     // 79/163001B
        #expect(CheckDigits.mod23Letter("810154257") == "C")     // 1981/0154257C
        #expect(CheckDigits.mod23Letter("21265416") == "G")      // CRO 265416/21G
        #expect(CheckDigits.mod23Letter("91065656") == "H")      // CRO 65656/91H
        #expect(CheckDigits.mod23Letter("05482703") == "J")      // SF05/482703J
        #expect(CheckDigits.mod23Letter("8350058") == "Z")       // SF83/50058Z
        #expect(CheckDigits.mod23Letter("65085227") == "L")      // 85227/65G is invalid
    }

    @Test func isbn13() {
        #expect(CheckDigits.isbn13(digits("978014103614")) == 4)
    }
}
