import Testing
import RedactCore

/// Lines of edited text files: the same lines whatever the line ending.
@Suite struct TextLinesTests {
    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndingGivesTheSameLines(_ end: String) {
        let text = "# head" + end + "a\tb" + end + end + "Zoë" + end
        #expect(TextLines.split(text) == ["# head", "a\tb", "", "Zoë"])
        #expect(TextLines.split(text + "last") == ["# head", "a\tb", "", "Zoë", "last"])
    }

    @Test func mixedEndingsAndEdges() {
        #expect(TextLines.split("a\r\nb\nc\rd") == ["a", "b", "c", "d"])
        #expect(TextLines.split("\r\n\r\n") == ["", ""])
        #expect(TextLines.split("") == [])
        #expect(TextLines.split("no end") == ["no end"])
        #expect(TextLines.split(Array("x\r\ny".utf8)).map(Array.init) == [Array("x".utf8), Array("y".utf8)])
    }
}
