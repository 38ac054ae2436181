import Testing
@testable import RedactScan

/// The fast engine checks a rule's required context against the context words the automaton
/// found; the reference engine searches the bytes around each match. Both honour the window
/// exactly: a word counts when it lies wholly within `before` bytes of the match start or
/// `after` bytes of its end (the mini pack's sort code: 40 before, 10 after), and not one
/// byte further.
@Suite struct ContextLookupTests {
    static let sortCode = "12-34-56"

    /// (text, whether the sort code is found)
    static let cases: [(String, Bool)] = [
        ("bank" + String(repeating: " ", count: 36) + sortCode, true),    // the word starts 40 bytes before
        ("bank" + String(repeating: " ", count: 37) + sortCode, false),   // 41 bytes before: outside
        ("xbank" + String(repeating: " ", count: 36) + sortCode, false),  // not a whole word
        (sortCode + String(repeating: " ", count: 6) + "bank", true),     // ends 10 bytes after
        (sortCode + String(repeating: " ", count: 7) + "bank", false),    // ends 11 bytes after
        (sortCode + " banking", false),                                    // not a whole word
        ("Sort Code: " + sortCode, true),                                  // any ASCII case
        ("s/c " + sortCode + " and s/c 65-43-21", true),
        (sortCode, false),
    ]

    @Test(arguments: 0..<cases.count)
    func windowEdges(index: Int) throws {
        let (text, expected) = Self.cases[index]
        let bytes = Array(text.utf8)
        let fast = scanAll(try MiniPack.engine(.fast), bytes)
        let reference = scanAll(try MiniPack.engine(.reference), bytes)
        #expect(fast == reference)
        let at = try #require(text.utf8.firstRange(of: Self.sortCode.utf8)).lowerBound
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: at)
        let found = fast.contains { $0 == Found("sort_code", offset, offset + 8) }
        #expect(found == expected, "\(text)")
    }
}
