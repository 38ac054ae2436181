import Testing
@testable import RedactQA

/// The "inside the marks" rule, table-driven: (finding text, its offset, marks, counts as left?).
@Suite struct LeftoverRuleTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var start: Int
        var marks: [Range<Int>]
        var inside: Bool
        var description: String { "\(text) @\(start) \(marks)" }
    }

    static let cases: [Case] = [
        // The title outside, the name in the mark (mask style): not a leftover.
        Case(text: "Mr XXXXX", start: 100, marks: [103..<108], inside: true),
        Case(text: "MRS. XXXX", start: 0, marks: [5..<9], inside: true),
        Case(text: "Dr XXX-XXXXX", start: 10, marks: [13..<22], inside: true),
        // Wholly inside one mark, or across two with only a separator between.
        Case(text: "XXX XXX XXXX", start: 50, marks: [50..<62], inside: true),
        Case(text: "XXXX XXXXX", start: 0, marks: [0..<4, 5..<10], inside: true),
        // A name left beside a mark.
        Case(text: "XXXXX Jones", start: 0, marks: [0..<5], inside: false),
        // A value only partly covered: "Jo" is not a title.
        Case(text: "John", start: 0, marks: [2..<4], inside: false),
        // Touching no mark at all.
        Case(text: "Mr Smith", start: 0, marks: [20..<30], inside: false),
        Case(text: "943 476 5919", start: 5, marks: [], inside: false),
        // Digits outside the mark.
        Case(text: "XXX XXX 5919", start: 0, marks: [0..<7], inside: false),
        // Non-ASCII letters outside count as letters.
        Case(text: "Zoë XXXX", start: 0, marks: [5..<9], inside: false),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) {
        let bytes = Array(c.text.utf8)
        let inside = bytes.withUnsafeBufferPointer { LeftoverRule.insideMarks($0, start: c.start, spans: c.marks[...]) }
        #expect(inside == c.inside)
    }
}
