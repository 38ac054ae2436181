import Testing
import RedactCore
import RedactPatterns
@testable import RedactScan

/// `digit_run` promises: the run lengths read off trigger runs, and the windows they skip.
@Suite struct DigitRunTests {
    /// One prison-number-like rule (a letter, four digits, two letters) with the given promise.
    func engine(_ lengths: ClosedRange<Int>?, _ mode: ScanEngine.Mode = .fast) throws -> ScanEngine {
        let loc = SourceLocation(file: "run.rules", line: 1)
        var rule = Rule(id: "prison", category: .prisonNumber,
                        matcher: .pattern(#"(?<![A-Za-z0-9])[A-Z]\d{4}[A-Z]{2}(?![A-Za-z0-9])"#, caseless: false),
                        priority: 50, trigger: .bytes(.digits), maxLength: 7, location: loc).withReach(before: 2, after: 7)
        rule.digitRun = lengths
        let pack = PatternPack(name: "run", version: "1", rules: [rule], dictionaries: [:])
        return try ScanEngine(table: RuleTable(pack: pack, parties: PartyList(parties: []), validators: MiniPack.validators),
                              pack: pack, mode: mode)
    }

    /// Numbers beside the matches (a year, a phone number, a two-digit count) share their
    /// windows or open their own: every window holding a four-digit run still runs the rule.
    let text = Array("A1234BC in 2024; call 07700 900123. 12 Z9876YX, B12C and 1 C4321DE7 and D5555EF".utf8)

    @Test func aKeptPromiseFindsWhatTheReferenceFinds() throws {
        let reference = scanAll(try engine(nil, .reference), text)
        #expect(reference.map(\.start) == [0, 39, 72])
        #expect(scanAll(try engine(4...4), text) == reference)
        #expect(scanAll(try engine(2...6), text) == reference)
        #expect(scanAll(try engine(nil), text) == reference)
    }

    /// The engine does skip by length: a false promise (these matches hold no run of five
    /// digits, or of one to three) loses them, which is why `patterns check` runs every example
    /// through both engines. A window is judged by all its runs: the `12` shares one with the
    /// second match, so that one is still found.
    @Test func aFalsePromiseIsObeyed() throws {
        let text = Array("A1234BC, then Z9876YX; 12 of them.".utf8)
        #expect(scanAll(try engine(nil), text).map(\.start) == [0, 14])
        #expect(scanAll(try engine(5...5), text).isEmpty)
        #expect(scanAll(try engine(1...3), text).map(\.start) == [14])
    }

    @Test func lengthsFromSixtyThreeShareOneBit() {
        #expect(ByteWindow.runLengthBits(nil) == 0)
        #expect(ByteWindow.runLengthBits(4...4) == 1 << 4)
        #expect(ByteWindow.runLengthBits(1...3) == 0b1110)
        #expect(ByteWindow.runLengthBits(60...200) == 0b1111 << 60)
        #expect(ByteWindow.runLengthBit(63) == ByteWindow.runLengthBit(1_000))
        #expect(ByteWindow.runLengthBits(70...80) & ByteWindow.runLengthBit(100) != 0)
    }
}
