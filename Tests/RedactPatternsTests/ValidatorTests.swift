import RedactPatterns
import Testing

/// Every validator against the worked examples in shared/identifiers.md: valid and invalid.
@Suite struct ValidatorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var validator: String
        var input: String
        var valid: Bool
        var testDescription: String { "\(validator)(\(input)) == \(valid)" }
    }

    static func cases(_ validator: String, valid: [String], invalid: [String]) -> [Case] {
        valid.map { Case(validator: validator, input: $0, valid: true) }
            + invalid.map { Case(validator: validator, input: $0, valid: false) }
    }

    static let all: [Case] =
        // Section 2: NHS modulus 11.
        cases("nhs_mod11",
              valid: ["943 476 5919", "943-476-5919", "9434765919", "999 000 0018", "0211165794", "3200000015", "401 023 2137"],
              invalid: ["987 654 4321", "485 777 3456", "943 476 5918", "94347659", "94347659190", "943 476 591X", ""])
        + cases("chi", valid: ["0211165794", "021116 5794"],
                invalid: ["0211165795", "3200000015", "9434765919", "2902010000"])
        + cases("hc", valid: ["320 000 0015", "3200000015"],
                invalid: ["9434765919", "3200000016", "4010232137"])
        // Section 1: NINO.
        + cases("nino",
                valid: ["MA 12 34 56 C", "MA123456C", "OA123456A", "JY123456B", "MA123456A", "ma 12 34 56 a", "MA-12-34-56-D", "MA123456"],
                invalid: ["QQ 12 34 56 C", "TN 12 34 56 A", "AO123456A", "GB123456A", "BG123456A", "PP999999P", "AB123456E",
                          "DA123456A", "AD123456A", "ZZ123456A", "NK123456A", "KN123456A", "NT123456A", "AB12345C", "A1123456C"])
        + cases("nino_temporary", valid: ["TN310855M", "TN 31 08 55 F", "tn010100m"],
                invalid: ["TN310255M", "TN310855A", "TA310855M", "TN311355M", "TN3108555M"])
        + cases("nino_admin", valid: ["MW123456A", "NC010164M", "OO123456B", "CR 12 34 56 D", "PY123456P"],
                invalid: ["AB123456A", "MW123456E", "PP999999P", "MW12345A"])
        // Section 3: PNC.
        + cases("pnc",
                valid: ["2002/0073319Z", "02/73319Z", "79/163001B", "1981/0154257C", "81/154257C", "20020073319Z", "79163001B", "02 73319z"],
                invalid: ["1981/0154257D", "02/73319Y", "1881/0154257C", "2002/00733190Z", "02/Z", "2002/0073319", "02//73319Z"])
        // Section 4: CRO.
        + cases("cro",
                valid: ["265416/21G", "65656/91H", "065656/91H", "SF05/482703J", "SF83/50058Z", "sf05/482703j"],
                invalid: ["85227/65G", "265416/21H", "SF05/482703K", "SF83/050058Z", "1234567/21G", "265416/2G"])
        // Section 8: DVLA.
        + cases("dvla",
                valid: ["MORGA657054SM9IJ", "MORGA 657054 SM9IJ", "MORGA657054SM9IJ 35", "MORGA 657054 SM 9IJ", "morga657054sm9ij",
                        "LEE99657054SM9IJ", "MAN99602290AB1CD", "SMITH601294J99AB"],
                invalid: ["MORGA713116SM9IJ", "LE9E9657054SM9IJ", "MORGA657054 9M9IJ", "MORGA663254SM9IJ", "MORGA657054SM9I1",
                          "9ORGA657054SM9IJ", "MORGA657054SM9IJ3", "MORGA600000SM9IJ", "MAN99602291AB1CD"])
        // Section 15: Luhn.
        + cases("luhn",
                valid: ["4111 1111 1111 1111", "3782 822463 10005", "5555 5555 5555 4444", "2223 0031 2200 3222", "4111-1111-1111-1111", "6011000990139424"],
                invalid: ["4111 1111 1111 1112", "1234 5678 9012 3456", "411111111111", "41111111111111111111", "0000000000000"])
        // Section 14: IBAN.
        + cases("iban",
                valid: ["GB82 WEST 1234 5698 7654 32", "GB29 NWBK 6016 1331 9268 19", "GB26 MIDL 4005 1512 3456 74", "gb82west12345698765432",
                        "DE89 3704 0044 0532 0130 00", "NO93 8601 1117 947"],
                invalid: ["GB82 WEST 1234 5698 7654 33", "GB82 WEST 1234 5698 7654", "XX82 WEST 1234 5698 7654 32", "GB82WEST123456987654321"])
        + cases("sort_code", valid: ["12-34-56", "12 34 56", "123456"], invalid: ["00-00-00", "12-34-5", "1234567", "ab-cd-ef"])
        // Section 10: postcodes.
        + cases("postcode",
                valid: ["SW1A 1AA", "SW1A1AA", "EC1A 1BB", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "W1P 1AA", "LS1 4AP",
                        "BT1 1AA", "GIR 0AA", "sw1a 1aa", "gir0aa"],
                invalid: ["Q1 1AA", "X1 1AA", "AI1 1AA", "M1 1AC", "EC1Z 1AA", "SW1A-1AA", "V1 1AA", "AJ1 1AA", "M1 1AK", "Sw1a 1aa", "SW1A 1A", "1A 1AA"])
        // Section 11: phones (drama ranges are valid).
        + cases("uk_phone",
                valid: ["07700 900123", "07700900123", "+44 7700 900123", "+447700900123", "0044 7700 900123", "+44 (0)20 7946 0018",
                        "020 7946 0018", "(020) 7946 0018", "0113 496 0000", "0191 498 0123", "028 9018 0123", "029 2018 0456",
                        "01632 960000", "08081 570123", "0909 8790123", "03069 990123", "016977 1234", "0800 1111", "0845 4647",
                        "020.7946.0018"],
                invalid: ["07700 90012", "077009001234", "0600 123 4567", "0400 123 456", "+33 1 23 45 67 89", "7700 900123",
                          "+44 600 123 4567", "0044", "0207 946 001", "010 158 9255", "+44 0 0113 496 0000"])
        + cases("ipv4", valid: ["192.0.2.20", "10.0.0.1", "255.255.255.255", "0.0.0.0"],
                invalid: ["256.1.1.1", "010.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.4a"])
        + cases("ipv6",
                valid: ["2001:db8::1", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "fe80::1ff:fe23:4567:890a", "::ffff:192.0.2.128",
                        "2001:DB8:0:0:8:800:200C:417A", "fe80::1"],
                invalid: ["12:30:45", "fe80::", "1::2::3", "00:1A:2B:3C:4D:5E", "2001:db8:::1", "12345::1", "::", "::1", "2001:db8::1:",
                          "1:2:3:4:5:6:7:8:9", "::ffff:999.0.2.128"])
        + cases("email",
                valid: ["jane.doe@example.com", "j_smith+cases@mail.example.co.uk", "a@example.org", "A.B-C%D@sub-domain.example.uk"],
                invalid: [".jane@example.com", "jane.@example.com", "jane..doe@example.com", "jane@localhost", "user@example.c0m",
                          "user@-example.com", "user@example-.com", "a@b@example.com", "user@example.c"])
        + cases("date_dob",
                valid: ["05/07/1964", "5.7.64", "05-07-1964", "1964-07-05", "5 July 1964", "5th July 1964", "5th of July 1964",
                        "5 Jul 1964", "July 5, 1964", "29/02/2000", "07/25/1964", "1 Sept 1950", "31 December 1999"],
                invalid: ["31/02/1964", "29/02/1900", "05/07/1864", "05/07/2999", "13/13/1990", "5 Julember 1964", "00/01/1990",
                          "5 July", "1964", "5th July 1964 extra", "5/7/196"])
        + cases("vehicle_current",
                valid: ["AB12 CDE", "CA22 ABC", "SR60 BMD", "ab12cde", "AB51 ZZZ", "AB25 CDE"],
                invalid: ["IB12 CDE", "AB12 CDI", "AB01 CDE", "LZ51 ABC", "QB12 CDE", "AB50 CDE", "AB00 CDE", "AB12 CQE", "AB12 CD"])

    @Test(arguments: all)
    func workedExample(_ c: Case) throws {
        let validator = try #require(Validators.named(c.validator))
        #expect(validator(c.input) == c.valid)
    }

    @Test func registryNamesEveryValidatorAPackMayUse() {
        let expected: Set<String> = [
            "nhs_mod11", "chi", "hc", "nino", "nino_temporary", "nino_admin", "pnc", "cro", "dvla", "luhn", "iban",
            "sort_code", "postcode", "uk_phone", "ipv4", "ipv6", "email", "date_dob", "vehicle_current",
        ]
        #expect(Set(Validators.names) == expected)
        #expect(Validators.named("no_such") == nil)
    }

    @Test func slicesAndBuffersAgree() {
        let bytes = Array("x 943 476 5919 y".utf8)
        let v = Validators.named("nhs_mod11")!
        #expect(v(bytes[2..<14]))
        #expect(!v(bytes[0..<14]))
        #expect(bytes.withUnsafeBufferPointer { v(UnsafeBufferPointer(rebasing: $0[2..<14])) })
    }

    @Test func longInputFailsWithoutTrapping() {
        let long = String(repeating: "1", count: 10_000)
        for name in Validators.names {
            #expect(!Validators.named(name)!(long), "\(name) accepted 10,000 digits")
        }
    }
}
