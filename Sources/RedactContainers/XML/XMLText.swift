/// Decoded text with, for each decoded byte, where it came from in the raw bytes: what lets a
/// finding in decoded text be cut out of the encoded original (an XML entity, a quoted-printable
/// escape, a Windows-1252 byte) and nothing else.
struct MappedText {
    var bytes: [UInt8] = []
    /// `rawOffsets[i]` is the raw offset where the source of decoded byte `i` starts;
    /// `rawOffsets[bytes.count]` is the raw end. Several decoded bytes may share one source.
    /// Empty when not tracked (a decoded part whose offsets are never mapped back: eight bytes
    /// per byte saved).
    var rawOffsets: [Int] = []
    var tracksOffsets = true

    init(tracking: Bool = true) { tracksOffsets = tracking }

    /// The raw range of decoded range `r`, widened so a source that produced several decoded
    /// bytes (an entity, an escape) is cut whole, never in half.
    func rawRange(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        while lo > 0 && rawOffsets[lo - 1] == rawOffsets[lo] { lo -= 1 }
        var hi = r.upperBound
        while hi < bytes.count && hi > 0 && rawOffsets[hi] == rawOffsets[hi - 1] { hi += 1 }
        return rawOffsets[lo]..<rawOffsets[hi]
    }

    /// Appends a run of decoded bytes that all come from the raw source starting at `raw`.
    mutating func append<S: Sequence>(_ decoded: S, from raw: Int) where S.Element == UInt8 {
        for b in decoded {
            bytes.append(b)
            if tracksOffsets { rawOffsets.append(raw) }
        }
    }

    mutating func finish(rawEnd: Int) { if tracksOffsets { rawOffsets.append(rawEnd) } }
}

enum XMLText {
    /// Decodes the predefined entities and numeric character references of `raw[range]`.
    /// Any other entity is an error: none can be declared, since a DOCTYPE is refused.
    static func decode(_ raw: [UInt8], _ range: Range<Int>) throws -> MappedText {
        var out = MappedText()
        out.bytes.reserveCapacity(range.count)
        out.rawOffsets.reserveCapacity(range.count + 1)
        var i = range.lowerBound
        while i < range.upperBound {
            let b = raw[i]
            if b != UInt8(ascii: "&") {
                out.bytes.append(b)
                out.rawOffsets.append(i)
                i += 1
                continue
            }
            var j = i + 1
            while j < range.upperBound && raw[j] != UInt8(ascii: ";") && j - i < 12 { j += 1 }
            guard j < range.upperBound, raw[j] == UInt8(ascii: ";") else { throw XMLError.badReference(at: i) }
            let name = Array(raw[(i + 1)..<j])
            out.append(try resolve(name, at: i), from: i)
            i = j + 1
        }
        out.finish(rawEnd: range.upperBound)
        return out
    }

    /// CDATA content: the bytes as they are.
    static func identity(_ raw: [UInt8], _ range: Range<Int>) -> MappedText {
        var out = MappedText()
        out.bytes = Array(raw[range])
        out.rawOffsets = Array(range)
        out.finish(rawEnd: range.upperBound)
        return out
    }

    private static func resolve(_ name: [UInt8], at offset: Int) throws -> [UInt8] {
        switch name {
        case Array("amp".utf8): return [UInt8(ascii: "&")]
        case Array("lt".utf8): return [UInt8(ascii: "<")]
        case Array("gt".utf8): return [UInt8(ascii: ">")]
        case Array("quot".utf8): return [UInt8(ascii: "\"")]
        case Array("apos".utf8): return [UInt8(ascii: "'")]
        default: break
        }
        guard name.count >= 2, name[0] == UInt8(ascii: "#") else { throw XMLError.badReference(at: offset) }
        let hex = name[1] == UInt8(ascii: "x")
        let digits = name[(hex ? 2 : 1)...]
        guard !digits.isEmpty, digits.count <= 8,
              let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10),
              value != 0, let scalar = Unicode.Scalar(value) else { throw XMLError.badReference(at: offset) }
        return Array(String(Character(scalar)).utf8)
    }

    /// `bytes` escaped for XML text or a double- or single-quoted attribute value.
    static func escape(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&apos;".utf8)
            default: out.append(b)
            }
        }
        return out
    }
}
