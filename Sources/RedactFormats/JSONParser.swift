import RedactCore

/// A validating JSON reader (RFC 8259) as a push parser; with `lines`, JSON Lines (any number
/// of top-level values separated by white space, each a record).
///
/// Every string (keys included) and every number goes to the `FieldProcessor`. A value's
/// context is its key, or for an array element the key of the array. Strings are read in place
/// unless they hold an escape; then they are decoded (surrogate pairs joined, a lone surrogate
/// read as U+FFFD) with an `EscapeMap` back to the stored bytes. Nesting is bounded by
/// `maxDepth` (an explicit stack, no recursion), a string or number by `maxFieldBytes`.
struct JSONParser: FieldParser {
    let path: String
    let lines: Bool
    let maxDepth: Int
    let maxFieldBytes: Int

    private enum Expect { case value, valueOrEnd, keyOrEnd, key, colon, commaOrEnd, nothing }
    private enum Token { case none, string, escape, unicode, number, literal }
    private struct Frame {
        var isObject: Bool
        /// Object: the current key (decoded, cut at `maxKeyBytes`) as a pointer segment.
        var key: [UInt8] = []
        /// Context for this frame's values: the current key's, or for an array its key's.
        var context: FieldContext?
        var index = 0
    }

    private var expect = Expect.value
    private var token = Token.none
    private var stack: [Frame] = []
    private var isKey = false
    private var tokenStart = 0
    private var decoding = false
    private var decoded: [UInt8] = []
    private var escapes = EscapeMap()
    private var escapeStart = 0
    private var hex: UInt32 = 0
    private var hexCount = 0
    private var highSurrogate: UInt32? = nil
    private var highStart = 0
    private var line = 1
    private var recordLine = 1
    private var values = 0
    static let maxKeyBytes = 256
    private var keyContexts: [[UInt8]: FieldContext?] = [:]
    static let maxCachedKeys = 4096

    init(path: String, lines: Bool, maxDepth: Int, maxFieldBytes: Int) {
        self.path = path
        self.lines = lines
        self.maxDepth = maxDepth
        self.maxFieldBytes = maxFieldBytes
    }

    var pending: Int? { token == .none ? nil : tokenStart }

    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int, from: Int, into sink: FieldProcessor) throws {
        guard let p = buffer.baseAddress else { return }
        let n = buffer.count
        var i = from - bufferBase
        // RFC 8259 lets a reader ignore a UTF-8 BOM (`StreamDriver` hands over the first 8 KiB at once).
        if from == 0 && n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        while i < n {
            switch token {
            case .string:
                if highSurrogate != nil && p[i] != 0x5C { flushHighSurrogate() }
                var j = i
                if decoding {
                    while j < n, p[j] != 0x22, p[j] != 0x5C, p[j] >= 0x20 { decoded.append(p[j]); j += 1 }
                } else {
                    while j < n, p[j] != 0x22, p[j] != 0x5C, p[j] >= 0x20 { j += 1 }
                }
                if bufferBase + j - tokenStart > maxFieldBytes { throw tooLong() }
                if j == n { i = n; break }
                let at = bufferBase + j
                if p[j] == 0x22 {
                    token = .none
                    try endString(buffer, bufferBase, raw: tokenStart..<(at + 1), sink)
                } else if p[j] == 0x5C {
                    token = .escape
                    escapeStart = at
                    startDecoding(buffer, bufferBase, upTo: at)
                } else {
                    throw corrupt(at, "a control character inside a string (it must be escaped)")
                }
                i = j + 1
            case .escape:
                let b = p[i]
                let at = bufferBase + i
                if b == UInt8(ascii: "u") {
                    token = .unicode
                    hex = 0
                    hexCount = 0
                } else {
                    if highSurrogate != nil { flushHighSurrogate() }
                    let c: UInt8
                    switch b {
                    case 0x22, 0x5C, 0x2F: c = b
                    case UInt8(ascii: "b"): c = 0x08
                    case UInt8(ascii: "f"): c = 0x0C
                    case UInt8(ascii: "n"): c = 0x0A
                    case UInt8(ascii: "r"): c = 0x0D
                    case UInt8(ascii: "t"): c = 0x09
                    default: throw corrupt(at, "an invalid escape in a string")
                    }
                    addDecoded([c], rawStart: escapeStart, rawEnd: at + 1)
                    token = .string
                }
                i += 1
            case .unicode:
                let b = p[i]
                let v: UInt32
                switch b {
                case 0x30...0x39: v = UInt32(b - 0x30)
                case 0x41...0x46: v = UInt32(b - 0x41 + 10)
                case 0x61...0x66: v = UInt32(b - 0x61 + 10)
                default: throw corrupt(bufferBase + i, "a \\u escape needs four hexadecimal digits")
                }
                hex = hex << 4 | v
                hexCount += 1
                i += 1
                if hexCount == 4 {
                    unicodeEscape(hex, rawEnd: bufferBase + i)
                    token = .string
                }
            case .number:
                var j = i
                while j < n, Self.isNumberByte(p[j]) { j += 1 }
                if bufferBase + j - tokenStart > maxFieldBytes { throw tooLong() }
                if j == n { i = n; break }
                token = .none
                try endNumber(buffer, bufferBase, raw: tokenStart..<(bufferBase + j), sink)
                i = j
            case .literal:
                var j = i
                while j < n, (p[j] &- 0x61) < 26 { j += 1 }
                if bufferBase + j - tokenStart > 5 { throw corrupt(tokenStart, "an unknown word (expected true, false or null)") }
                if j == n { i = n; break }
                token = .none
                try endLiteral(buffer, bufferBase, raw: tokenStart..<(bufferBase + j))
                i = j
            case .none:
                let b = p[i]
                let at = bufferBase + i
                switch b {
                case 0x20, 0x09, 0x0D:
                    i += 1
                    continue
                case 0x0A:
                    line += 1
                    i += 1
                    continue
                default: break
                }
                try structural(b, at: at, sink: sink, buffer: buffer, bufferBase: bufferBase)
                i += 1
            }
        }
    }

    /// A byte outside any token: structure, or the start of a string, number or word.
    private mutating func structural(_ b: UInt8, at: Int, sink: FieldProcessor, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) throws {
        switch b {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try startValue(at)
            guard stack.count < maxDepth else {
                throw FormatError(.limitExceeded, path: path, offset: at, detail: "nested more than \(maxDepth) deep (--max-depth)")
            }
            let inherited = stack.last?.context
            stack.append(Frame(isObject: b == UInt8(ascii: "{"), context: b == UInt8(ascii: "[") ? inherited : nil))
            expect = b == UInt8(ascii: "{") ? .keyOrEnd : .valueOrEnd
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            let object = b == UInt8(ascii: "}")
            guard let top = stack.last, top.isObject == object,
                  expect == .commaOrEnd || expect == (object ? .keyOrEnd : .valueOrEnd) else {
                throw corrupt(at, "an unexpected '\(object ? "}" : "]")'")
            }
            stack.removeLast()
            endValue()
        case UInt8(ascii: ","):
            guard expect == .commaOrEnd, let top = stack.last else { throw corrupt(at, "an unexpected ','") }
            stack[stack.count - 1].index += 1
            expect = top.isObject ? .key : .value
        case UInt8(ascii: ":"):
            guard expect == .colon else { throw corrupt(at, "an unexpected ':'") }
            expect = .value
        case 0x22:
            if expect == .key || expect == .keyOrEnd {
                isKey = true
            } else {
                try startValue(at)
                isKey = false
            }
            token = .string
            tokenStart = at
            decoding = false
            highSurrogate = nil
        case UInt8(ascii: "-"), 0x30...0x39:
            try startValue(at)
            token = .number
            tokenStart = at
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            try startValue(at)
            token = .literal
            tokenStart = at
        default:
            throw corrupt(at, b < 0x20 || b >= 0x7F ? "an unexpected byte 0x\(String(b, radix: 16))" : "an unexpected '\(Character(Unicode.Scalar(b)))'")
        }
    }

    /// A value begins at `at`: it must be expected there.
    private mutating func startValue(_ at: Int) throws {
        switch expect {
        case .value, .valueOrEnd:
            if stack.isEmpty {
                values += 1
                recordLine = line
            }
        case .nothing:
            throw corrupt(at, "more than one top-level value (JSON Lines? use --format-as jsonl)")
        default:
            throw corrupt(at, expect == .colon ? "expected ':' after a key" : expect == .commaOrEnd ? "expected ',' or the end of the object or array" : "expected a key (a string)")
        }
    }

    /// A value has ended: what may follow.
    private mutating func endValue() {
        if stack.isEmpty {
            expect = lines ? .value : .nothing
        } else {
            expect = .commaOrEnd
        }
    }

    mutating func finish(_ buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int, into sink: FieldProcessor) throws {
        let end = bufferBase + buffer.count
        switch token {
        case .none: break
        case .number:
            token = .none
            try endNumber(buffer, bufferBase, raw: tokenStart..<end, sink)
        case .literal:
            token = .none
            try endLiteral(buffer, bufferBase, raw: tokenStart..<end)
        case .string, .escape, .unicode:
            throw corrupt(tokenStart, "a string is never closed")
        }
        if !stack.isEmpty { throw corrupt(end, "the document ends inside an \(stack.last!.isObject ? "object" : "array")") }
        if !lines && values == 0 { throw corrupt(end, "no JSON value (the document is empty)") }
    }

    // MARK: strings

    /// Switches a string to decoded form at its first escape (stored bytes so far copied).
    private mutating func startDecoding(_ buffer: UnsafeBufferPointer<UInt8>, _ bufferBase: Int, upTo at: Int) {
        guard !decoding else { return }
        decoding = true
        decoded.removeAll(keepingCapacity: true)
        escapes.removeAll()
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[(tokenStart + 1 - bufferBase)..<(at - bufferBase)]))
    }

    private mutating func addDecoded(_ bytes: [UInt8], rawStart: Int, rawEnd: Int) {
        let content = tokenStart + 1
        escapes.add(decoded: decoded.count..<(decoded.count + bytes.count), raw: (rawStart - content)..<(rawEnd - content))
        decoded.append(contentsOf: bytes)
    }

    private mutating func unicodeEscape(_ u: UInt32, rawEnd: Int) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(u) {
                let scalar = 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00)
                addDecoded(Self.utf8(scalar), rawStart: highStart, rawEnd: rawEnd)
                return
            }
            addDecoded(Self.replacement, rawStart: highStart, rawEnd: highStart + 6)
        }
        switch u {
        case 0xD800...0xDBFF:
            highSurrogate = u
            highStart = escapeStart
        case 0xDC00...0xDFFF:
            addDecoded(Self.replacement, rawStart: escapeStart, rawEnd: rawEnd)
        default:
            addDecoded(Self.utf8(u), rawStart: escapeStart, rawEnd: rawEnd)
        }
    }

    /// A high surrogate not followed by a low one reads as U+FFFD.
    private mutating func flushHighSurrogate() {
        guard highSurrogate != nil else { return }
        highSurrogate = nil
        addDecoded(Self.replacement, rawStart: highStart, rawEnd: highStart + 6)
    }

    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    static func utf8(_ v: UInt32) -> [UInt8] {
        switch v {
        case 0..<0x80: return [UInt8(v)]
        case 0x80..<0x800: return [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)]
        case 0x800..<0x10000: return [UInt8(0xE0 | v >> 12), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)]
        default: return [UInt8(0xF0 | v >> 18), UInt8(0x80 | v >> 12 & 0x3F), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)]
        }
    }

    private mutating func endString(_ buffer: UnsafeBufferPointer<UInt8>, _ bufferBase: Int, raw: Range<Int>, _ sink: FieldProcessor) throws {
        flushHighSurrogate()
        let escapes = decoding ? self.escapes : EscapeMap()
        let field = Field(raw: raw, contentStart: raw.lowerBound + 1, encoding: .jsonString,
                          context: isKey ? nil : stack.last?.context)
        let before = sink.spanCount
        do {
            // Scoped, so the pointer closure's copy of the stack is gone before the stack changes
            // (no copy-on-write of the stack per key).
            let location = pointer(key: isKey)
            let visit = { (text: UnsafeBufferPointer<UInt8>) in
                sink.field(field, text: text, escapes: escapes, buffer: buffer, bufferBase: bufferBase, location: location)
            }
            if decoding {
                decoded.withUnsafeBufferPointer(visit)
            } else {
                visit(UnsafeBufferPointer(rebasing: buffer[(raw.lowerBound + 1 - bufferBase)..<(raw.upperBound - 1 - bufferBase)]))
            }
        }
        if isKey {
            // The key labels the values that follow; a key that is itself personal data never
            // appears in a pointer.
            let text: [UInt8] = decoding ? decoded : Array(UnsafeBufferPointer(rebasing: buffer[(raw.lowerBound + 1 - bufferBase)..<(raw.upperBound - 1 - bufferBase)]))
            let found = sink.spanCount > before
            let key = found ? Array("*".utf8) : Array(text.prefix(Self.maxKeyBytes))
            stack[stack.count - 1].key = key
            stack[stack.count - 1].context = context(forKey: text.prefix(Self.maxKeyBytes))
            expect = .colon
        } else {
            endValue()
        }
        decoding = false
    }

    /// The context of a key, cached: JSON Lines repeat the same keys in every record.
    private mutating func context(forKey key: ArraySlice<UInt8>) -> FieldContext? {
        let bytes = Array(key)
        if let hit = keyContexts[bytes] { return hit }
        let context = FieldVocabulary.context(label: String(decoding: bytes, as: UTF8.self), kind: "key")
        if keyContexts.count < Self.maxCachedKeys { keyContexts[bytes] = context }
        return context
    }

    // MARK: numbers and words

    @inline(__always) static func isNumberByte(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b | 0x20 == UInt8(ascii: "e")
    }

    private mutating func endNumber(_ buffer: UnsafeBufferPointer<UInt8>, _ bufferBase: Int, raw: Range<Int>, _ sink: FieldProcessor) throws {
        let text = UnsafeBufferPointer(rebasing: buffer[(raw.lowerBound - bufferBase)..<(raw.upperBound - bufferBase)])
        guard Self.validNumber(text) else { throw corrupt(raw.lowerBound, "an invalid number") }
        sink.field(Field(raw: raw, contentStart: raw.lowerBound, encoding: .jsonNumber, context: Self.numberContext(stack.last?.context, text)),
                   text: text, escapes: EscapeMap(), buffer: buffer, bufferBase: bufferBase, location: pointer(key: false))
        endValue()
    }

    /// A number under a whole-value key is that category only if a number can be one: never a
    /// name, address, email, NINO or postcode; a date of birth or phone number only with at least
    /// six digits (`19800312`), so a count such as a manifest's `"email_address": 3` is not a
    /// finding. The key still counts as context for the scanner.
    static func numberContext(_ context: FieldContext?, _ text: UnsafeBufferPointer<UInt8>) -> FieldContext? {
        guard var context, let category = context.wholeValue else { return context }
        let digits = text.reduce(0) { $0 + (($1 &- 0x30) < 10 ? 1 : 0) }
        if !((category == .dateOfBirth || category == .phoneNumber) && digits >= 6) { context.wholeValue = nil }
        return context
    }

    private mutating func endLiteral(_ buffer: UnsafeBufferPointer<UInt8>, _ bufferBase: Int, raw: Range<Int>) throws {
        let word = Array(buffer[(raw.lowerBound - bufferBase)..<(raw.upperBound - bufferBase)])
        guard word == Array("true".utf8) || word == Array("false".utf8) || word == Array("null".utf8) else {
            throw corrupt(raw.lowerBound, "an unknown word (expected true, false or null)")
        }
        endValue()
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    static func validNumber(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = t.count
        func digits() -> Int {
            let s = i
            while i < n && (t[i] &- 0x30) < 10 { i += 1 }
            return i - s
        }
        if i < n && t[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return false }
        if t[i] == 0x30 { i += 1 } else if digits() == 0 { return false }
        if i < n && t[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        }
        if i < n && t[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n && (t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-")) { i += 1 }
            if digits() == 0 { return false }
        }
        return i == n
    }

    // MARK: errors and locations

    /// Where the current token sits, for people: `#/witness/dob` (a JSON pointer), prefixed by
    /// `line:N` in JSON Lines. Built only when a field has findings.
    private func pointer(key: Bool) -> () -> String {
        let stack = self.stack
        let lines = self.lines
        let recordLine = self.recordLine
        return {
            var s = lines ? "line:\(recordLine)#" : "#"
            for (k, frame) in stack.enumerated() {
                if frame.isObject {
                    if key && k == stack.count - 1 { break }
                    s += "/"
                    for ch in String(decoding: frame.key, as: UTF8.self) {
                        s += ch == "~" ? "~0" : ch == "/" ? "~1" : String(ch)
                    }
                } else {
                    s += "/\(frame.index)"
                }
            }
            return s
        }
    }

    private func corrupt(_ offset: Int, _ detail: String) -> FormatError {
        FormatError(.corrupt, path: path, offset: offset, detail: "not valid \(lines ? "JSON Lines" : "JSON"): \(detail)")
    }

    private func tooLong() -> FormatError {
        FormatError(.limitExceeded, path: path, offset: tokenStart, detail: "a string or number longer than \(maxFieldBytes) bytes (--max-field-bytes)")
    }
}
