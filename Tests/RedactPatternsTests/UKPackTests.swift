import RedactCore
import RedactPatterns
import Testing

/// The bundled UK pack: it loads, covers the taxonomy, and every rule passes its own examples.
@Suite struct UKPackTests {
    @Test func loads() throws {
        let pack = try TestPacks.uk.get()
        #expect(pack.name == "uk")
        #expect(!pack.version.isEmpty)
        #expect(pack.rules.count >= Category.taxonomy.count)
    }

    @Test func coversEveryTaxonomyCategory() throws {
        let pack = try TestPacks.uk.get()
        let missing = Category.taxonomy.filter { !pack.categories.contains($0) }
        #expect(missing.isEmpty, "no rule for \(missing)")
    }

    @Test func everyRuleCarriesTwoExamplesAndTwoCounters() throws {
        let pack = try TestPacks.uk.get()
        for rule in pack.rules {
            let positives = rule.examples.filter { $0.expected != nil }.count
            let counters = rule.examples.count - positives
            #expect(positives >= 2, "\(rule.id) has \(positives) examples")
            #expect(counters >= 2, "\(rule.id) has \(counters) counter-examples")
        }
    }

    @Test func everyRuleHasATriggerAndATightMaxLength() throws {
        let pack = try TestPacks.uk.get()
        for rule in pack.rules {
            #expect(rule.trigger != .always, "\(rule.id) runs everywhere")
            #expect(rule.maxLength <= 256)
        }
    }

    @Test(arguments: TestPacks.ukRuleIDs)
    func ruleExamplesPass(_ id: String) throws {
        let pack = try TestPacks.uk.get()
        let checker = try ReferenceChecker(pack: pack)
        let rule = try #require(pack.rule(id: id))
        for failure in checker.check(rule) {
            Issue.record("\(failure)")
        }
    }

    /// The engine's promises, checked on every example: every candidate fits in `max_length`,
    /// and every finding has a trigger occurrence within `max_length` bytes before its end
    /// (a `\K` rule's trigger sits before the reported span).
    @Test(arguments: TestPacks.ukRuleIDs)
    func triggersAndMaxLengthHoldOnExamples(_ id: String) throws {
        let pack = try TestPacks.uk.get()
        let checker = try ReferenceChecker(pack: pack)
        let rule = try #require(pack.rule(id: id))
        for ex in rule.examples {
            let text = Array(ex.text.utf8)
            for r in checker.candidates(of: rule, in: text) {
                #expect(r.count <= rule.maxLength, "\(ex.location): \(id) candidate of \(r.count) bytes")
            }
            for r in checker.findings(of: rule, in: text) {
                let window = Array(text[max(0, r.upperBound - rule.maxLength)..<r.upperBound])
                #expect(TriggerProbe.occurs(rule.trigger, in: window, pack: pack), "\(ex.location): \(id) finding without trigger")
            }
        }
    }

    @Test func ruleIDsAreStableNames() throws {
        let pack = try TestPacks.uk.get()
        let ids = Set(pack.rules.map(\.id))
        for id in [
            "nino.standard", "nino.temporary", "nino.admin", "nhs_number.spaced", "nhs_number.chi", "nhs_number.hc",
            "pnc_id.long", "pnc_id.short", "cro_number.standard", "cro_number.sf", "prison_number", "crn",
            "passport_number", "driving_licence", "vehicle_registration.current", "vehicle_registration.prefix",
            "vehicle_registration.suffix", "sort_code", "bank_account", "payment_card", "iban", "phone_number.uk",
            "email_address", "postcode", "ip_address.v4", "ip_address.v6", "date_of_birth", "person_name.titled",
            "address.street", "special_category.health", "special_category.medication", "special_category.religion",
            "special_category.ethnicity", "special_category.sexual_orientation",
        ] {
            #expect(ids.contains(id), "missing rule \(id)")
        }
    }

    /// Edge cases from identifiers.md section 0, through the whole pack.
    @Test func identifiersEdgeCases() throws {
        let pack = try TestPacks.uk.get()
        let checker = try ReferenceChecker(pack: pack)
        func found(_ category: Category, _ text: String) -> Bool {
            pack.rules.filter { $0.category == category }.contains { !checker.findings(of: $0, in: Array(text.utf8)).isEmpty }
        }
        #expect(!found(.nino, "QQ 12 34 56 C"))                      // 1: the specimen is no one's number
        #expect(found(.nhsNumber, "NHS 943 476 5919"))                 // 2: checksum only, not ranges
        #expect(found(.pncID, "02/73319Z"))                            // 3: display form, zeros dropped
        #expect(found(.croNumber, "65656/91H") && found(.croNumber, "SF05/482703J"))  // 4
        #expect(!found(.passportNumber, "ref 123456789"))              // 5: context only
        #expect(found(.passportNumber, "passport 123456789"))
        #expect(found(.drivingLicence, "MORGA657054SM9IJ 35"))         // 6: issue number in span
        #expect(found(.phoneNumber, "07700 900123"))                   // 7: drama ranges found
        #expect(found(.nhsNumber, "CHI 0211165794") && found(.nhsNumber, "H&C 320 000 0015"))  // 8
        #expect(!found(.sortCode, "on 12-03-21"))                      // 9: a date, not a sort code
    }
}

/// Whether a trigger occurs in some bytes (the promise the engine's prefilter relies on).
enum TriggerProbe {
    static func occurs(_ trigger: Trigger, in bytes: [UInt8], pack: PatternPack) -> Bool {
        switch trigger {
        case .always: return true
        case .bytes(let set): return bytes.contains(where: set.contains)
        case .literals(let list): return list.contains { contains(bytes, Array($0.utf8)) }
        case .dictionary(let name):
            return (pack.dictionaries[name]?.terms ?? []).contains { contains(bytes, Array($0.utf8)) }
        }
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, hay.count >= needle.count else { return false }
        for i in 0...(hay.count - needle.count) {
            var ok = true
            for j in 0..<needle.count where ReferenceChecker.lower(hay[i + j]) != ReferenceChecker.lower(needle[j]) {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }
}
