/// Content-Transfer-Encoding (RFC 2045 section 6): decoding with the source of every byte kept, and
/// re-encoding a redacted part in the encoding it came in.
enum TransferEncoding: Equatable {
    /// `7bit`, `8bit`, `binary`: the bytes are the content; offsets into them are file offsets.
    case identity
    case quotedPrintable
    case base64

    init(header value: [UInt8]?) {
        let v = value.map { String(decoding: $0, as: UTF8.self).trimmingSpaces.lowercased() } ?? ""
        switch v {
        case "quoted-printable": self = .quotedPrintable
        case "base64": self = .base64
        default: self = .identity
        }
    }

    /// The decoded bytes, with their raw sources when `tracking`.
    func decode(_ raw: [UInt8], _ range: Range<Int>, tracking: Bool = true) -> MappedText {
        switch self {
        case .identity:
            if tracking { return XMLText.identity(raw, range) }
            var m = MappedText(tracking: false)
            m.bytes = Array(raw[range])
            return m
        case .quotedPrintable: return QuotedPrintable.decode(raw, range, tracking: tracking)
        case .base64: return Base64.decode(raw, range, tracking: tracking)
        }
    }

    func encode(_ content: [UInt8]) -> [UInt8] {
        switch self {
        case .identity: return content
        case .quotedPrintable: return QuotedPrintable.encode(content)
        case .base64: return Base64.encode(content)
        }
    }
}

enum QuotedPrintable {
    /// Decodes `=XX` escapes and removes soft line breaks (`=` at a line end). A malformed `=`
    /// is kept as it is, as RFC 2045 advises.
    static func decode(_ raw: [UInt8], _ range: Range<Int>, tracking: Bool = true) -> MappedText {
        var out = MappedText(tracking: tracking)
        out.bytes.reserveCapacity(range.count)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = raw[i]
            guard b == UInt8(ascii: "=") else {
                out.append(CollectionOfOne(b), from: i)
                i += 1
                continue
            }
            // Soft break: "=" then optional trailing spaces then CRLF or LF.
            var j = i + 1
            while j < end && (raw[j] == 0x20 || raw[j] == 0x09) { j += 1 }
            if j < end && raw[j] == 0x0A { i = j + 1; continue }
            if j + 1 < end && raw[j] == 0x0D && raw[j + 1] == 0x0A { i = j + 2; continue }
            if j == end { i = end; continue }
            if i + 2 < end, let hi = hexValue(raw[i + 1]), let lo = hexValue(raw[i + 2]) {
                out.append(CollectionOfOne(hi << 4 | lo), from: i)
                i += 3
            } else {
                out.append(CollectionOfOne(b), from: i)
                i += 1
            }
        }
        out.finish(rawEnd: end)
        return out
    }

    /// Encodes with CRLF line breaks kept as line breaks, lines at most 76 characters.
    static func encode(_ content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(content.count + content.count / 8)
        var lineLength = 0
        let hex = Array("0123456789ABCDEF".utf8)
        var i = 0
        while i < content.count {
            let b = content[i]
            if b == 0x0D && i + 1 < content.count && content[i + 1] == 0x0A {
                out += [0x0D, 0x0A]; lineLength = 0; i += 2; continue
            }
            if b == 0x0A { out += [0x0D, 0x0A]; lineLength = 0; i += 1; continue }
            let nextIsBreak = i + 1 == content.count || content[i + 1] == 0x0D || content[i + 1] == 0x0A
            let literal = (b >= 33 && b <= 126 && b != UInt8(ascii: "=")) || ((b == 0x20 || b == 0x09) && !nextIsBreak)
            let piece: [UInt8] = literal ? [b] : [UInt8(ascii: "="), hex[Int(b >> 4)], hex[Int(b & 15)]]
            if lineLength + piece.count > 75 {
                out += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            out += piece
            lineLength += piece.count
            i += 1
        }
        return out
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// Decodes, skipping line breaks and any byte outside the alphabet (RFC 2045 says to ignore
    /// them); stops at padding. Each decoded byte maps to the raw position of its quantum.
    static func decode(_ raw: [UInt8], _ range: Range<Int>, tracking: Bool = true) -> MappedText {
        var out = MappedText(tracking: tracking)
        out.bytes.reserveCapacity(range.count * 3 / 4)
        var quantum: UInt32 = 0
        var have = 0
        var quantumStart = range.lowerBound
        for i in range {
            let b = raw[i]
            if b == UInt8(ascii: "=") { break }
            let v = values[Int(b)]
            if v == 0xFF { continue }
            if have == 0 { quantumStart = i }
            quantum = quantum << 6 | UInt32(v)
            have += 1
            if have == 4 {
                out.append([UInt8(quantum >> 16 & 0xFF), UInt8(quantum >> 8 & 0xFF), UInt8(quantum & 0xFF)], from: quantumStart)
                quantum = 0
                have = 0
            }
        }
        if have == 3 {
            quantum <<= 6
            out.append([UInt8(quantum >> 16 & 0xFF), UInt8(quantum >> 8 & 0xFF)], from: quantumStart)
        } else if have == 2 {
            quantum <<= 12
            out.append([UInt8(quantum >> 16 & 0xFF)], from: quantumStart)
        }
        out.finish(rawEnd: range.upperBound)
        return out
    }

    /// Encodes with CRLF after every 76 characters, and after the last line.
    static func encode(_ content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(content.count * 4 / 3 + content.count / 38 + 4)
        var lineLength = 0
        var i = 0
        while i < content.count {
            let n = min(3, content.count - i)
            var q: UInt32 = 0
            for k in 0..<3 { q = q << 8 | UInt32(k < n ? content[i + k] : 0) }
            out.append(alphabet[Int(q >> 18 & 63)])
            out.append(alphabet[Int(q >> 12 & 63)])
            out.append(n > 1 ? alphabet[Int(q >> 6 & 63)] : UInt8(ascii: "="))
            out.append(n > 2 ? alphabet[Int(q & 63)] : UInt8(ascii: "="))
            lineLength += 4
            i += 3
            if lineLength >= 76 { out += [0x0D, 0x0A]; lineLength = 0 }
        }
        if lineLength > 0 { out += [0x0D, 0x0A] }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s.removeLast() }
        return String(s)
    }
}
