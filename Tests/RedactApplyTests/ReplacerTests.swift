import RedactCore
import Testing
@testable import RedactApply

@Suite struct ReplacerTests {
    func replace(_ style: RedactionStyle, _ value: String, _ category: Category = .nhsNumber,
                 key: [UInt8]? = nil, caseRef: String = "", canonical: String? = nil) -> String {
        let r = Replacer(style: style, key: key, caseReference: caseRef)
        var out: [UInt8] = []
        Array(value.utf8).withUnsafeBufferPointer {
            r.replacement(category: category, value: $0, canonical: canonical.map { Array($0.utf8) }, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func labels() {
        #expect(replace(.label, "943 476 5919") == "[NHS NUMBER]")
        #expect(replace(.label, "AB123456C", .nino) == "[NI NUMBER]")
        #expect(replace(.label, "x", .dateOfBirth) == "[DATE OF BIRTH]")
    }

    @Test func blockIsOneMarkPerCharacter() {
        #expect(replace(.block, "Zoë 1") == "█████")
    }

    @Test func maskKeepsSeparators() {
        #expect(replace(.mask, "943 476-5919") == "XXX XXX-XXXX")
        #expect(replace(.mask, "Łukasz O'Neill", .personName) == "XXXXXX X'XXXXX")
    }

    @Test func pseudonymsAreKeyedStableAndScoped() {
        let key: [UInt8] = Array(repeating: 7, count: 32)
        let a = replace(.pseudonym, "AB 12 34 56 C", .nino, key: key, caseRef: "c1")
        let b = replace(.pseudonym, "ab123456c", .nino, key: key, caseRef: "c1")
        let otherCase = replace(.pseudonym, "AB 12 34 56 C", .nino, key: key, caseRef: "c2")
        let otherKey = replace(.pseudonym, "AB 12 34 56 C", .nino, key: Array(repeating: 8, count: 32), caseRef: "c1")
        #expect(a == b)  // the same value however it is typed
        #expect(a != otherCase && a != otherKey)
        #expect(a.hasPrefix("[NINO-") && a.hasSuffix("]"))
        // Letters only, no vowels: a mark never looks like an identifier or a word.
        let code = a.dropFirst("[NINO-".count).dropLast()
        #expect(code.count == 6 && code.allSatisfy { "BCDFGHJKLMNPQRSTVWXZ".contains($0) })
        // A party's every mention maps to the party's name.
        let p1 = replace(.pseudonym, "Smith", .personName, key: key, canonical: "john smith")
        let p2 = replace(.pseudonym, "JOHN SMITH", .personName, key: key, canonical: "john smith")
        #expect(p1 == p2 && p1.hasPrefix("[PERSON-"))
    }
}
