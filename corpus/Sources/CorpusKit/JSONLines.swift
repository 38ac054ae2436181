/// Hand-written JSON Lines output for truth and decoys (no Foundation in the hot path, and the
/// exact bytes are under our control: keys in contract order, UTF-8 kept raw).
public enum JSONLines {
    /// Appends `s` as a JSON string literal.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(34)
        for b in s.utf8 {
            switch b {
            case 34: out.append(92); out.append(34)
            case 92: out.append(92); out.append(92)
            case 10: out.append(92); out.append(110)
            case 13: out.append(92); out.append(114)
            case 9: out.append(92); out.append(116)
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(34)
    }

    static func appendKey(_ k: String, to out: inout [UInt8], first: Bool = false) {
        if !first { out.append(44) }
        appendString(k, to: &out)
        out.append(58)
    }

    /// One line of `truth.jsonl` or `decoys.jsonl`: the findings contract plus text (and, for
    /// decoys, looks_like and kind; for planted items, the variant when there is one).
    public static func line(path: String, span s: PlantedSpan, to out: inout [UInt8]) {
        out.append(123)
        appendKey("path", to: &out, first: true); appendString(path, to: &out)
        appendKey("start", to: &out); out.append(contentsOf: Array(String(s.start).utf8))
        appendKey("end", to: &out); out.append(contentsOf: Array(String(s.end).utf8))
        appendKey("category", to: &out); appendString(s.category.rawValue, to: &out)
        appendKey("rule", to: &out); appendString(s.looksLike == nil ? "planted" : "decoy", to: &out)
        appendKey("text", to: &out); appendString(s.text, to: &out)
        if let l = s.looksLike {
            appendKey("looks_like", to: &out); appendString(l.rawValue, to: &out)
        }
        if let k = s.kind { appendKey("kind", to: &out); appendString(k, to: &out) }
        if let v = s.variant { appendKey("variant", to: &out); appendString(v, to: &out) }
        out.append(125)
        out.append(10)
    }
}
