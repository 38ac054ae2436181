import Testing
@testable import RedactReview

/// The browser counts UTF-16 code units in a text node; the server maps them back to bytes.
@Suite struct DisplayTextTests {
    let text = Array("Zoë 😀 Ünal\r\nNHS 943 476 5919".utf8)

    @Test func asciiAccentedAndAstral() {
        // "Zoë " = Z o ë(2 bytes) space: 4 UTF-16 units, 5 bytes.
        #expect(DisplayText.byteOffset(in: text, segmentStart: 0, limit: text.count, utf16: 4, roundUp: false) == 5)
        // The emoji is 2 UTF-16 units and 4 bytes.
        #expect(DisplayText.byteOffset(in: text, segmentStart: 0, limit: text.count, utf16: 6, roundUp: false) == 9)
        // Inside the surrogate pair: a start rounds down, an end rounds up.
        #expect(DisplayText.byteOffset(in: text, segmentStart: 0, limit: text.count, utf16: 5, roundUp: false) == 5)
        #expect(DisplayText.byteOffset(in: text, segmentStart: 0, limit: text.count, utf16: 5, roundUp: true) == 9)
        // Past the segment: nil.
        #expect(DisplayText.byteOffset(in: text, segmentStart: 0, limit: 5, utf16: 5, roundUp: false) == nil)
        // From a segment start inside the text ("Ünal" starts at byte 10).
        #expect(DisplayText.byteOffset(in: text, segmentStart: 10, limit: text.count, utf16: 1, roundUp: false) == 12)
    }

    @Test func agreesWithSwiftUTF16() {
        // For valid UTF-8, every scalar boundary: Swift's own UTF-16 count gives the same byte.
        let s = String(decoding: text, as: UTF8.self)
        var u16 = 0, bytes = 0
        for scalar in s.unicodeScalars {
            #expect(DisplayText.byteOffset(in: text, segmentStart: 0, limit: text.count, utf16: u16, roundUp: false) == bytes)
            u16 += String(scalar).utf16.count
            bytes += String(scalar).utf8.count
        }
        #expect(DisplayText.utf16Length(text, 0..<text.count) == s.utf16.count)
    }

    @Test func crlfAndInvalidBytesKeepTheirPlace() {
        // CR is rendered as a reference, so the browser keeps it as one unit.
        #expect(DisplayText.html(text, 0..<text.count).contains("&#13;\n"))
        // An invalid byte and NUL each show as one U+FFFD and stand for one byte.
        let bad: [UInt8] = [0x41, 0xFF, 0x00, 0xC3, 0xA9, 0xE2, 0x82]
        let units = DisplayText.units(bad, 0..<bad.count)
        #expect(units.map(\.bytes) == [1, 1, 1, 2, 1, 1])
        #expect(units[1].scalar == "\u{FFFD}" && units[2].scalar == "\u{FFFD}")
        #expect(DisplayText.byteOffset(in: bad, segmentStart: 0, limit: bad.count, utf16: 4, roundUp: false) == 5)
    }

    @Test func htmlIsEscaped() {
        let planted = Array("<script>alert('x')</script> & \"q\"".utf8)
        let html = DisplayText.html(planted, 0..<planted.count)
        #expect(!html.contains("<") && !html.contains(">") && !html.contains("\""))
        #expect(html.hasPrefix("&lt;script&gt;"))
    }
}

@Suite struct SelectionTests {
    let doc = ReviewDocument(owner: "o", area: "a", name: "n", bytes: Array("Café 😀 Łukasz Brzęczyszczykiewicz, Łukasz".utf8),
                             recipient: "defence", profile: nil, profileVersion: nil, style: .label, caseReference: "c",
                             items: [], holds: false, packName: "p", packVersion: "1")

    @Test func selectionAcrossMultiByteCharacters() throws {
        // "Café 😀 " is 8 UTF-16 units (the emoji is two) and 11 bytes; the name is 26 units, 28 bytes.
        let r = try doc.selection(startSegment: 0, startUTF16: 8, endSegment: 0, endUTF16: 34)
        #expect(String(decoding: doc.bytes[r], as: UTF8.self) == "Łukasz Brzęczyszczykiewicz")
        #expect(r == 11..<39)
        // The same selection measured from a later segment start gives the same bytes.
        let r2 = try doc.selection(startSegment: 11, startUTF16: 0, endSegment: 11, endUTF16: 26)
        #expect(r2 == r)
        // A segment start inside a character, or past the end, is refused.
        #expect(throws: ReviewError.self) { try doc.selection(startSegment: 4, startUTF16: 0, endSegment: 11, endUTF16: 2) }
        #expect(throws: ReviewError.self) { try doc.selection(startSegment: 0, startUTF16: 0, endSegment: 0, endUTF16: 999) }
    }

    @Test func occurrencesAreExactAndDisjoint() {
        #expect(doc.occurrences(of: "Łukasz").count == 2)
        #expect(doc.occurrences(of: "") == [])
    }
}
