import Foundation
import RedactCore
import RedactPatterns
@testable import RedactScan

/// A small pack built in code, so engine tests do not depend on the UK pack's contents.
enum MiniPack {
    static func mod11(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits: [Int] = []
        for c in b where c >= 0x30 && c <= 0x39 { digits.append(Int(c - 0x30)) }
        guard digits.count == 10 else { return false }
        var sum = 0
        for i in 0..<9 { sum += digits[i] * (10 - i) }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        return check != 10 && check == digits[9]
    }

    static func validators(_ name: String) -> ValidateFunction? {
        switch name {
        case "mod11": return { mod11($0) }
        case "always": return { _ in true }
        default: return nil
        }
    }

    static var pack: PatternPack {
        let loc = SourceLocation(file: "mini.rules", line: 1)
        let rules: [Rule] = [
            Rule(id: "nhs", category: .nhsNumber,
                 matcher: .pattern(#"(?<![A-Za-z0-9])\d{3}([ -]?)\d{3}\1\d{4}(?![A-Za-z0-9])"#, caseless: false),
                 validator: "mod11", priority: 70, trigger: .bytes(.digits), maxLength: 12, location: loc).withMinTriggers(10),
            Rule(id: "street", category: .address,
                 matcher: .pattern(#"(?<![A-Za-z0-9])\d{1,3}[ ]{1,2}[A-Z][a-z]+[ ](?:Road|Street)(?![A-Za-z0-9])"#, caseless: false),
                 priority: 20, trigger: .bytes(.digits), maxLength: 40, location: loc).withReach(before: 3, after: 40)
                .withRequires("street_types"),
            Rule(id: "sort_code", category: .sortCode,
                 matcher: .pattern(#"(?<![A-Za-z0-9/-])\d{2}([- ]?)\d{2}\1\d{2}(?![A-Za-z0-9/-])"#, caseless: false),
                 context: ContextSpec(words: ["sort code", "s/c", "bank"], before: 40, after: 10, required: true),
                 priority: 30, trigger: .bytes(.digits), maxLength: 8, location: loc),
            Rule(id: "digits6", category: .bankAccount,
                 matcher: .pattern(#"(?<!\d)\d{6,8}(?!\d)"#, caseless: false),
                 denyContext: ContextSpec(words: ["section", "isbn"], before: 20, after: 0, required: false),
                 priority: 10, trigger: .bytes(.digits), maxLength: 8, location: loc),
            Rule(id: "email", category: .emailAddress,
                 matcher: .pattern(#"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"#, caseless: false),
                 priority: 50, trigger: .bytes(ByteSet([UInt8(ascii: "@")])), maxLength: 400, location: loc),
            Rule(id: "titled", category: .personName,
                 matcher: .pattern(#"(?<![A-Za-z0-9])(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+\K(?!Justice\b|Martens\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?"#, caseless: false),
                 priority: 40, trigger: .literals(["mr", "mrs", "ms", "miss", "dr"]), maxLength: 60, location: loc)
                // The title opens the match and `\K` drops it: attempts stop at the last title,
                // reported starts lie after it.
                .withReach(before: 1, after: 60),
            Rule(id: "health", category: .specialCategory, matcher: .dictionary("health"),
                 context: ContextSpec(words: ["diagnosed", "suffers from"], before: 40, after: 0, required: true),
                 priority: 20, location: loc),
            // letter_digit promises: a letter beside a digit (postcode-like), or one byte apart
            // (NINO-like); digit_run promises: runs of one to three digits, or two to six.
            Rule(id: "postcode", category: .postcode,
                 matcher: .pattern(#"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?[ ]{0,2}\d[A-Z]{2}(?![A-Za-z0-9])"#, caseless: false),
                 priority: 45, trigger: .bytes(.digits), maxLength: 9, location: loc).withLetterDigit(upperOnly: true, maxGap: 0)
                .withDigitRun(1...3),
            Rule(id: "nino", category: .nino,
                 matcher: .pattern(#"(?<![A-Za-z0-9])[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D](?![A-Za-z0-9])"#, caseless: true),
                 priority: 60, trigger: .bytes(.digits), maxLength: 13, location: loc).withLetterDigit(upperOnly: false, maxGap: 1)
                .withDigitRun(2...6),
            Rule(id: "anywhere", category: .ipAddress,
                 matcher: .pattern(#"\bzz[0-9a-f]{2}\b"#, caseless: true), priority: 5, trigger: .always, maxLength: 4, location: loc),
        ]
        return PatternPack(name: "mini", version: "1", rules: rules, dictionaries: [
            "health": Dictionary(name: "health", terms: ["diabetes", "epilepsy", "type 2 diabetes", "Ménière's disease"], location: loc),
            // The street rule's `requires` (a whole word, ASCII case-insensitive: "ROAD" counts).
            "street_types": Dictionary(name: "street_types", terms: ["Road", "Street"], location: loc),
        ])
    }

    static let parties = PartyList(parties: [
        .init(name: "John Smith", role: .witness),
        .init(name: "Zoë O'Neill", role: .victim),
        .init(name: "Łukasz Nowak-Kowalski", role: .defendant),
        .init(name: "Siobhán Mary Kelly", role: .witness),
    ])

    static func engine(_ mode: ScanEngine.Mode, parties: PartyList = MiniPack.parties) throws -> ScanEngine {
        let table = try RuleTable(pack: pack, parties: parties, validators: validators)
        return try ScanEngine(table: table, pack: pack, mode: mode)
    }
}

/// Whole-buffer scan (no streaming) as (rule id, start, end) triples.
func scanAll(_ engine: ScanEngine, _ text: [UInt8]) -> [Found] {
    var out: [Finding] = []
    let scratch = engine.makeScratch()
    text.withUnsafeBufferPointer { buf in
        engine.scan(buf, emit: 0..<buf.count, scratch: scratch, into: &out)
    }
    return out.map { Found(engine.table[$0.rule].id, $0.start, $0.end) }
}

/// Streaming scan through a temporary file with the given chunk size; with `mapWindow`, the
/// file is read through a memory map of that many bytes at a time instead of read(2).
func scanStreaming(_ engine: ScanEngine, _ text: [UInt8], chunkSize: Int, mapWindow: Int? = nil) throws -> [Found] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("redact-test-\(UUID().uuidString)")
    try Data(text).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let fd = open(url.path, O_RDONLY)
    defer { close(fd) }
    var out: [Found] = []
    let scanner = StreamScanner(engine: engine, chunkSize: chunkSize, scanBinary: true,
                                mapFiles: mapWindow != nil, mapWindow: mapWindow ?? 0)
    _ = try scanner.scan(fd: fd, path: url.path, scratch: engine.makeScratch()) { f, _, _ in
        out.append(Found(engine.table[f.rule].id, f.start, f.end))
    }
    return out
}

struct Found: Hashable, CustomStringConvertible {
    var rule: String
    var start: Int
    var end: Int
    init(_ rule: String, _ start: Int, _ end: Int) {
        self.rule = rule
        self.start = start
        self.end = end
    }
    var description: String { "\(rule)@\(start)..<\(end)" }
}

extension Rule {
    func withLetterDigit(upperOnly: Bool, maxGap: Int) -> Rule {
        var r = self
        r.letterDigit = LetterDigit(upperOnly: upperOnly, maxGap: maxGap)
        return r
    }
    func withDigitRun(_ lengths: ClosedRange<Int>) -> Rule {
        var r = self
        r.digitRun = lengths
        return r
    }
    func withMinTriggers(_ n: Int) -> Rule {
        var r = self
        r.minTriggers = n
        return r
    }
    func withRequires(_ dictionary: String) -> Rule {
        var r = self
        r.requires = dictionary
        return r
    }
        func withReach(before: Int, after: Int) -> Rule {
        var r = self
        r.triggerReach = TriggerReach(before: before, after: after)
        return r
    }
}
