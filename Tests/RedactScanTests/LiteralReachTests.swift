import Testing
import RedactCore
import RedactPatterns
@testable import RedactScan

/// `trigger_reach` on a literal trigger: windows start `BEFORE - 1` bytes before the trigger
/// word, attempts stop at the last trigger word, and a match whose `\K` moves its start past
/// that word is still reported.
@Suite struct LiteralReachTests {
    /// A house name: one or two capitalised words, then the trigger word (`House`, `Farm`).
    func houseEngine(before: Int?, _ mode: ScanEngine.Mode = .fast) throws -> ScanEngine {
        let loc = SourceLocation(file: "reach.rules", line: 1)
        var rule = Rule(id: "house", category: .address,
                        matcher: .pattern(#"(?<![A-Za-z0-9])(?:[A-Z][a-z]{1,10}[ ]){1,2}(?:House|Farm)(?![A-Za-z0-9])"#, caseless: false),
                        priority: 40, trigger: .literals(["house", "farm"]), maxLength: 30, location: loc)
        if let before { rule = rule.withReach(before: before, after: 6) }
        let pack = PatternPack(name: "reach", version: "1", rules: [rule], dictionaries: [:])
        return try ScanEngine(table: RuleTable(pack: pack, parties: PartyList(parties: []), validators: MiniPack.validators),
                              pack: pack, mode: mode)
    }

    /// One or two words before the trigger; a lower-case trigger word that shares the window
    /// of the farm before it.
    let houses = Array("at Rose House, then Old Oak Farm near Long Meadow Farm; house and Tall Pine House".utf8)

    @Test func aKeptPromiseFindsWhatTheReferenceFinds() throws {
        let reference = scanAll(try houseEngine(before: nil, .reference), houses)
        #expect(reference.map(\.start) == [3, 20, 38, 66])
        #expect(scanAll(try houseEngine(before: nil), houses) == reference)
        // Two words of at most eleven bytes and a space each come before the word, and the
        // match ends with it (`after` counts from the word's start).
        #expect(scanAll(try houseEngine(before: 25), houses) == reference)
    }

    /// The engine does start windows where the promise says: a reach too short to take in
    /// two words ahead of the trigger loses the matches that have them: "Old Oak Farm" is
    /// found from its second word on (which the reference never reports alone), "Long Meadow
    /// Farm" not at all.
    @Test func aFalsePromiseIsObeyed() throws {
        #expect(scanAll(try houseEngine(before: 6), houses).map(\.start) == [3, 24, 71])
        #expect(scanAll(try houseEngine(before: 1), houses).isEmpty)
    }

    /// `patterns check` catches the false promise on the rule's own example: the prefiltered
    /// engine misses what the example expects.
    @Test func packCheckReportsAFalsePromise() throws {
        let loc = SourceLocation(file: "reach.rules", line: 1)
        var rule = Rule(id: "house", category: .address,
                        matcher: .pattern(#"(?<![A-Za-z0-9])(?:[A-Z][a-z]{1,10}[ ]){1,2}House(?![A-Za-z0-9])"#, caseless: false),
                        priority: 40, trigger: .literals(["house"]), maxLength: 30, location: loc).withReach(before: 1, after: 30)
        rule.examples = [RuleExample(text: "lives at Rose House now", expected: 9..<19, location: loc)]
        let pack = PatternPack(name: "reach", version: "1", rules: [rule], dictionaries: [:])
        let report = try PackChecker.check(pack, validators: MiniPack.validators)
        #expect(report.examples == 1)
        #expect(report.failures.count == 1)
        rule.triggerReach = TriggerReach(before: 12, after: 30)
        let kept = PatternPack(name: "reach", version: "1", rules: [rule], dictionaries: [:])
        #expect(try PackChecker.check(kept, validators: MiniPack.validators).failures.isEmpty)
    }

    /// A title opens the match and `\K` drops it: attempts stop at the last title of a window,
    /// and names reported after it are kept, alone or with titles close together.
    @Test func namesAfterTheLastTitleAreKept() throws {
        let text = Array("Mr Brown met Dr Jones and Mrs Patel; later Ms Khan. Mr".utf8)
        let fast = scanAll(try MiniPack.engine(.fast), text).filter { $0.rule == "titled" }
        let reference = scanAll(try MiniPack.engine(.reference), text).filter { $0.rule == "titled" }
        #expect(fast.map(\.start) == [3, 16, 30, 46])
        #expect(fast == reference)
    }
}
