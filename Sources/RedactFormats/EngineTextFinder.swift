import Crypto
import RedactApply
import RedactCore
import RedactScan

/// `TextFinder` over the scan engine and a `Replacer`: what every format uses to find and mark
/// personal data in a field. Thread-safe (scratch space comes from a pool), so one finder serves
/// every worker and every nested part.
public struct EngineTextFinder: TextFinder {
    public let engine: ScanEngine
    public let replacer: Replacer
    /// Key for `fingerprint` (the log's HMAC of each redacted value), or nil.
    public let valueKey: [UInt8]?
    private let pool: ScratchPool

    public init(engine: ScanEngine, replacer: Replacer = Replacer(style: .label), valueKey: [UInt8]? = nil, pool: ScratchPool? = nil) {
        self.engine = engine
        self.replacer = replacer
        self.valueKey = valueKey
        self.pool = pool ?? ScratchPool(engine: engine)
    }

    public var styleName: String { replacer.style.rawValue }

    public func spans(in text: UnsafeBufferPointer<UInt8>, context: FieldContext?) -> [TextSpan] {
        guard !text.isEmpty else { return [] }
        if let context, let category = context.wholeValue {
            // A `Name` column: the whole value (trimmed of spaces) is the finding.
            guard let trimmed = Self.trimmed(text) else { return [] }
            return [TextSpan(start: trimmed.lowerBound, end: trimmed.upperBound, category: category,
                             rule: "\(context.kind).\(category.rawValue)")]
        }
        // A label naming a category stands in for that category's context words, as a header
        // row does for the streaming scanner.
        let columns = context?.label.flatMap(ColumnContext.category(forLabel:)).map { ColumnContext(field: $0) }
        var findings: [Finding] = []
        pool.withScratch { scratch in
            engine.scan(text, emit: 0..<text.count, columns: columns, scratch: scratch, into: &findings)
        }
        let table = engine.table
        return findings.map { f in
            let rule = table[f.rule]
            var span = TextSpan(start: f.start, end: f.end, category: rule.category, rule: rule.id)
            if f.tag >= 0, Int(f.tag) < table.parties.parties.count {
                span.party = Int(f.tag)
                span.role = table.parties.parties[Int(f.tag)].role.rawValue
            }
            return span
        }
    }

    public func mark(for span: TextSpan, value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var canonical: [UInt8]? = nil
        if let party = span.party, party < engine.table.parties.parties.count {
            canonical = Array(engine.table.parties.parties[party].name.lowercased().utf8)
        }
        var out: [UInt8] = []
        replacer.replacement(category: span.category, value: value, canonical: canonical, into: &out)
        return out
    }

    public func fingerprint(_ value: UnsafeBufferPointer<UInt8>) -> String? {
        guard let valueKey else { return nil }
        return Hex.encode(HMAC<SHA256>.authenticationCode(for: UnsafeRawBufferPointer(value), using: SymmetricKey(data: valueKey)))
    }

    /// The range of `text` without leading and trailing ASCII white space, or nil if blank.
    static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var a = 0, b = text.count
        while a < b && isSpace(text[a]) { a += 1 }
        while b > a && isSpace(text[b - 1]) { b -= 1 }
        return a < b ? a..<b : nil
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
