import Testing
@testable import RedactScan

/// One engine case: `text` marks each expected finding as «rule:matched text».
struct EngineCase: CustomStringConvertible, Sendable {
    let name: String
    let text: String
    var description: String { name }

    /// The text without markers, and the expected findings with byte offsets into it.
    func parse() -> ([UInt8], [Found]) {
        var bytes: [UInt8] = []
        var expected: [Found] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "«") {
            bytes += Array(rest[..<open].utf8)
            let afterOpen = rest.index(after: open)
            let close = rest[afterOpen...].firstIndex(of: "»")!
            let inner = rest[afterOpen..<close]
            let colon = inner.firstIndex(of: ":")!
            let rule = String(inner[..<colon])
            let body = Array(inner[inner.index(after: colon)...].utf8)
            expected.append(Found(rule, bytes.count, bytes.count + body.count))
            bytes += body
            rest = rest[rest.index(after: close)...]
        }
        bytes += Array(rest.utf8)
        return (bytes, expected)
    }
}

let engineCases: [EngineCase] = [
    EngineCase(name: "nhs spaced and plain", text: "NHS «nhs:943 476 5919» and «nhs:9434765919»."),
    EngineCase(name: "nhs bad check digit is not found", text: "NHS 943 476 5918 is wrong."),
    EngineCase(name: "mixed separators are not one number", text: "943 476-5919"),
    EngineCase(name: "sort code needs context", text: "on 12-03-21 we met; sort code «sort_code:12-03-21»"),
    EngineCase(name: "required context near some windows and not others",
               text: "s/c «sort_code:12-03-21»; then a long stretch of words with no context at all here: 11-22-33; and another long stretch of plain words, then bank «sort_code:44-55-66», then a very long stretch of plain words, no context at all: 77-88-99."),
    EngineCase(name: "deny word vetoes", text: "section 1234567 and acct «digits6:7654321»"),
    EngineCase(name: "email", text: "mail «email:j.smith+case@example.police.uk», thanks"),
    EngineCase(name: "titled names skip the title", text: "Mr «titled:Okafor» met Dr «titled:Patel-Jones» and Mr Justice Holroyde in Dr Martens."),
    EngineCase(name: "party full name, surname after title, SURNAME, Forename", text: "«party:John Smith» said; later Mr «party:Smith» and «party:SMITH, John» again."),
    EngineCase(name: "party possessive stays outside", text: "«party:John Smith»'s car"),
    EngineCase(name: "first name alone is not a finding", text: "John went home."),
    EngineCase(name: "non-ASCII party names any case", text: "«party:Zoë O'Neill» and «party:ZOË O'NEILL» and «party:Łukasz Nowak-Kowalski»"),
    EngineCase(name: "surname inside a longer hyphenated name is not a mention", text: "Mr «titled:Nowak-Kowalskiego» came, not Nowak-Kowalskiego alone"),
    EngineCase(name: "name glued to letters is not a mention", text: "JohnSmith and Neill in O'Neillson"),
    EngineCase(name: "dictionary with required context", text: "he was diagnosed with «health:type 2 diabetes». Separately, much later on, a diabetes awareness week"),
    EngineCase(name: "middle name forms", text: "«party:Siobhán Mary Kelly» and «party:Siobhán Kelly» and «party:Kelly, Siobhán»"),
    EngineCase(name: "always-run rule", text: "code «anywhere:ZZ1f» here"),
    EngineCase(name: "validated beats longer unvalidated", text: "acct «nhs:9434765919»"),
    EngineCase(name: "empty", text: ""),
    EngineCase(name: "asymmetric trigger reach", text: "at «street:12 High Street» and «street:7  Mill Road»; 1234 Long Road is not"),
    EngineCase(name: "invalid UTF-8 does not shift offsets", text: "\u{FFFD}NHS «nhs:943 476 5919»"),
]

@Suite struct EngineTableTests {
    @Test(arguments: engineCases)
    func fastEngine(_ c: EngineCase) throws {
        let (bytes, expected) = c.parse()
        let engine = try MiniPack.engine(.fast)
        #expect(scanAll(engine, bytes).map(normalise) == expected.map(normalise))
    }

    @Test(arguments: engineCases)
    func referenceEngine(_ c: EngineCase) throws {
        let (bytes, expected) = c.parse()
        let engine = try MiniPack.engine(.reference)
        #expect(scanAll(engine, bytes).map(normalise) == expected.map(normalise))
    }

    @Test(arguments: engineCases)
    func streamingSmallChunks(_ c: EngineCase) throws {
        let (bytes, expected) = c.parse()
        let engine = try MiniPack.engine(.fast)
        for chunk in [1, 3, 17, 4096] {
            #expect(try scanStreaming(engine, bytes, chunkSize: chunk).map(normalise) == expected.map(normalise), "chunk \(chunk)")
        }
    }

    @Test func rawInvalidUTF8Bytes() throws {
        let engine = try MiniPack.engine(.fast)
        let bytes: [UInt8] = [0xFF, 0xFE, 0xC3] + Array(" 943 476 5919 ".utf8) + [0x80, 0xED, 0xA0, 0x80]
        #expect(scanAll(engine, bytes) == [Found("nhs", 4, 16)])
    }

    private func normalise(_ f: Found) -> Found {
        f.rule == "person_name.party" ? Found("party", f.start, f.end) : f
    }
}

/// `letter_digit` promises: the gaps read off trigger runs, and the windows they skip.
@Suite struct LetterDigitTests {
    func gaps(_ s: String) -> LetterDigitGaps {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { LetterDigitGaps($0.baseAddress!, from: 0, to: $0.count) }
    }

    @Test func gapsAreTheClosestPairs() {
        #expect(gaps("SW1A").upper == 0)
        #expect(gaps("AB 12").upper == 1)
        #expect(gaps("ab 12").upper == .max)
        #expect(gaps("ab 12").any == 1)
        #expect(gaps("1st").any == 0)
        #expect(gaps("07700 900123").any == .max)
        #expect(gaps("A  1").upper == 2)
        #expect(gaps("").upper == .max)
    }

    /// The digit-run form skips the run's own bytes; it must equal the full read of the same
    /// range for every run, margin and neighbourhood (here: random letters, digits, spaces,
    /// punctuation, at both ends of the text).
    @Test func digitRunFormEqualsTheFullRead() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09 .-Qx7".utf8)
        for _ in 0..<2000 {
            let count = Int.random(in: 1...24, using: &rng)
            var bytes = (0..<count).map { _ in alphabet.randomElement(using: &rng)! }
            let first = Int.random(in: 0..<count, using: &rng)
            let last = Int.random(in: first..<min(count, first + 6), using: &rng)
            for i in first...last { bytes[i] = UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng) }
            let margin = Int.random(in: 1...5, using: &rng)
            bytes.withUnsafeBufferPointer { b in
                let p = b.baseAddress!
                let full = LetterDigitGaps(p, from: max(0, first - margin), to: min(count, last + 1 + margin))
                let run = LetterDigitGaps(p, digits: first, through: last, margin: margin, count: count)
                #expect(full.upper == run.upper && full.any == run.any, "\(String(decoding: bytes, as: UTF8.self)) \(first)...\(last) margin \(margin)")
            }
        }
    }

    @Test func promisesSkipOnlyWindowsWithoutThePair() throws {
        let engine = try MiniPack.engine(.fast)
        // A postcode and a NINO are found; digit runs far from letters run neither rule, and the
        // findings equal the whole-text reference.
        let text = Array("Call 07700 900123 or 0161 496 0000. Post: SW1A 1AA. NI ab 12 34 56 c, not AB  12 34 56 C.".utf8)
        let found = scanAll(engine, text)
        #expect(found.contains { $0.rule == "postcode" })
        #expect(found.contains { $0.rule == "nino" })
        #expect(found == scanAll(try MiniPack.engine(.reference), text))
    }
}

/// `requires` promises: trigger runs with no required word within reach open no window.
@Suite struct RequiredWordTests {
    @Test func requiredWordsLoseNothing() throws {
        let fast = try MiniPack.engine(.fast)
        let reference = try MiniPack.engine(.reference)
        // Found: addresses whose street type is a whole word. Not found by either engine: a
        // street type glued to a digit (not a whole word), and "ROAD", which the rule's
        // case-sensitive pattern refuses although it is a required word (ASCII-folded).
        let text = Array("At 12 High Street. Then 7 Mill ROAD? No: 9 Mill Road5, 4 people, Roadside 3 Elm Road.".utf8)
        let found = scanAll(fast, text).filter { $0.rule == "street" }
        #expect(found.map { String(decoding: text[$0.start..<$0.end], as: UTF8.self) } == ["12 High Street", "3 Elm Road"])
        #expect(scanAll(fast, text) == scanAll(reference, text))
    }
}
