/// When a finding in the redacted copy counts as personal data left behind (check (a)).
///
/// The scanner run over a redacted copy can find things made of the marks themselves: `Mr XXXXX`
/// after mask style is a titled name to the pattern, and mask keeps separators, so
/// `XXX XXX XXXX` has the shape of a number. Those are not leftovers. The rule, precisely:
///
/// A finding **lies inside the marks**, and does not count, when it overlaps at least one span
/// of the manifest (its output range: a mark, or a span kept by decision) and every word of it
/// outside those spans is a title. A *word* is a maximal run of letters and digits (ASCII, or
/// any byte of a multi-byte UTF-8 character) outside the spans; the titles are `Mr`, `Mrs`,
/// `Ms`, `Miss`, `Mister`, `Mx`, `Dr` in any case (the words the titled-name rule needs before
/// a name). Punctuation and spaces outside the spans never count.
///
/// So `Mr XXXXX` (the title outside, the name inside) does not count; `XXXXX Jones`, a mark
/// beside a name left in clear, does, and so does a finding that touches no span at all. A value
/// only partly covered (`Jo` + a mark) counts, because `Jo` is not a title.
public enum LeftoverRule {
    public static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mister", "mx", "dr"]

    /// Whether the finding `bytes` at `start` lies inside `spans` (output ranges, sorted by start).
    public static func insideMarks(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, spans: ArraySlice<Range<Int>>) -> Bool {
        let end = start + bytes.count
        let touching = spans.filter { $0.lowerBound < end && $0.upperBound > start }
        guard !touching.isEmpty else { return false }
        func covered(_ at: Int) -> Bool { touching.contains { $0.contains(at) } }
        var word: [UInt8] = []
        for i in 0...bytes.count {
            let isWordByte = i < bytes.count && !covered(start + i) && isWord(bytes[i])
            if isWordByte {
                word.append(bytes[i] | (bytes[i] < 0x80 ? 0x20 : 0))  // ASCII lower case
                continue
            }
            if !word.isEmpty {
                guard titles.contains(String(decoding: word, as: UTF8.self)) else { return false }
                word.removeAll(keepingCapacity: true)
            }
        }
        return true
    }

    /// Letters and digits, and every byte of a non-ASCII character (which may be a letter).
    static func isWord(_ b: UInt8) -> Bool {
        b >= 0x80 || (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }
}
