import Foundation
import Testing
@testable import CorpusKit

/// Properties of generated documents: determinism, spans equal to bytes (after BOM and CRLF),
/// every category and form planted, decoys that fail every validator, refusals.
@Suite struct GeneratorTests {
    static let docs: [GeneratedDocument] = (1...160).map { try! DocumentFactory.make(seed: 1, index: $0) }

    @Test func sameSeedSameBytesAndIndexIndependence() throws {
        let a = try DocumentFactory.make(seed: 9, index: 17)
        let b = try DocumentFactory.make(seed: 9, index: 17)
        #expect(a.bytes == b.bytes && a.truth == b.truth && a.decoys == b.decoys)
        let c = try DocumentFactory.make(seed: 10, index: 17)
        #expect(a.bytes != c.bytes)
        // Document 3 of seed 1 is the same whether or not others are generated.
        #expect(try DocumentFactory.make(seed: 1, index: 3).bytes == GeneratorTests.docs[2].bytes)
    }

    @Test func everySpanEqualsItsBytes() {
        for d in GeneratorTests.docs {
            for s in d.truth + d.decoys {
                #expect(Array(d.bytes[s.start..<s.end]) == Array(s.text.utf8), "\(d.fileName) \(s.start)")
            }
            if d.bom { #expect(Array(d.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF]) }
            if d.lineEnding == .crlf {
                // Every LF is preceded by CR.
                for (i, b) in d.bytes.enumerated() where b == 10 { #expect(i > 0 && d.bytes[i - 1] == 13) }
            }
            if d.lineEnding == .lf { #expect(!d.bytes.contains(13)) }
        }
    }

    @Test func everyCategoryAndFormIsPlanted() {
        let truth = GeneratorTests.docs.flatMap(\.truth)
        for c in PlantCategory.allCases {
            #expect(truth.contains { $0.category == c }, "no \(c.rawValue)")
        }
        let variants = Set(truth.compactMap { $0.variant.map { $0 + ":" + $0 } })
        for v in ["chi", "hc", "temporary", "sf"] { #expect(variants.contains(v + ":" + v), "no variant \(v)") }
        let texts = truth.map(\.text)
        #expect(texts.contains { $0.contains("\r\n") }, "no span with CRLF inside")
        #expect(texts.contains { $0.hasPrefix("+44") } && texts.contains { $0.hasPrefix("0044") })
        #expect(truth.contains { $0.category == .ip_address && $0.text.contains(":") })
        #expect(truth.contains { $0.category == .pnc_id && !$0.text.contains("/0") && $0.text.split(separator: "/")[0].count == 2 })
        #expect(truth.contains { $0.category == .driving_licence && $0.text.count > 19 }) // spaced with issue number
        #expect(truth.contains { $0.category == .iban && !$0.text.hasPrefix("GB") })
        let names = truth.filter { $0.category == .person_name }.map(\.text)
        #expect(names.contains { $0.contains("ë") || $0.contains("Ł") || $0.contains("ễ") || $0.contains("á") })
        #expect(names.contains { $0.contains("'") } && names.contains { $0.contains("-") } && names.contains { $0.contains(", ") })
        // Possessives and titles are outside name spans.
        #expect(!names.contains { $0.hasSuffix("'s") || $0.hasSuffix("\u{2019}s") || $0.hasPrefix("Mr ") || $0.hasPrefix("Mrs ") })
        let genres = Set(GeneratorTests.docs.map(\.genre))
        #expect(genres.count == Genre.allCases.count)
        #expect(GeneratorTests.docs.contains { $0.lineEnding == .mixed } && GeneratorTests.docs.contains { $0.bom })
    }

    @Test func possessiveFollowsNameSpan() {
        var found = false
        for d in GeneratorTests.docs {
            for s in d.truth where s.category == .person_name && s.end + 2 <= d.bytes.count {
                if d.bytes[s.end] == 39 && d.bytes[s.end + 1] == 115 { found = true }
            }
        }
        #expect(found)
    }

    @Test func decoysFailEveryValidatorAndCoverTheKinds() {
        var kinds = Set<String>()
        for d in GeneratorTests.docs {
            for x in d.decoys {
                kinds.insert(x.kind!)
                let before = ArraySlice(d.bytes[max(0, x.start - Context.decoyWindow)..<x.start])
                for c in PlantCategory.allCases where c != .person_name {
                    #expect(!Validators.accepts(c, x.text, before: before), "\(x.text) passes \(c)")
                }
            }
        }
        for k in ["nhs_checksum", "case_number", "urn", "card_luhn", "iban_checksum", "pnc_letter", "cro_letter",
                  "nino_prefix", "nino_suffix", "statute", "time", "money", "date", "exhibit", "judge", "brand",
                  "street_surname", "isbn", "foreign_phone"] {
            #expect(kinds.contains(k), "no decoy kind \(k)")
        }
    }

    @Test func writerRefusesBadItems() {
        let w = DocWriter()
        w.t("NHS number ")
        w.plant(.nhs_number, "401 023 2138")          // bad check digit
        w.t(" sort code ")
        w.decoy(.sort_code, "20-00-00", kind: "test")  // passes sort_code in this context
        w.plant(.postcode, "M1 1AE")
        #expect(w.refusals.count == 2)
        #expect(w.truth.count == 1 && w.decoys.isEmpty)
        #expect(!w.verify().isEmpty)
        #expect(!String(decoding: w.bytes, as: UTF8.self).contains("2138"))
    }

    @Test func spansTrackCRLFAndBOM() {
        let w = DocWriter(lineEnding: .crlf, bom: true)
        w.t("Line one\nAddress: ")
        w.plant(.address, "14 Marlow Road\nHendley")
        #expect(w.truth[0].start == 3 + 10 + 9)
        #expect(w.truth[0].text == "14 Marlow Road\r\nHendley")
        #expect(w.verify().isEmpty)
    }

    @Test func partyListsNameEveryPartyMentioned() {
        for d in GeneratorTests.docs {
            var book = NameBook()
            for p in d.parties { book.add(p) }
            let list = String(decoding: d.partyList, as: UTF8.self)
            #expect(list.split(separator: "\n").allSatisfy { $0.split(separator: "\t").count == 2 })
            for s in d.truth where s.category == .person_name && s.text.contains(" ") {
                #expect(book.accepts(s.text, before: []), "\(d.fileName): \(s.text) not in party list")
            }
        }
    }
}
