import RedactCore

/// One header field of a MIME entity, as byte ranges of the message.
struct MimeHeaderField {
    /// Lower-cased name (`from`, `content-type`).
    var name: String
    /// The name as written, for the finding's `field` (`header:From`).
    var displayName: String
    /// After the colon up to the field's last line break (folds included).
    var value: Range<Int>
}

/// A MIME entity (RFC 2045/2046): a message, a part of a multipart, or an attached message.
struct MimeEntity {
    /// Position in the tree, IMAP style: "" for the message itself, `1`, `1.2`...
    var id: String
    var headers: [MimeHeaderField] = []
    var body: Range<Int>
    /// Lower-cased `type/subtype`; `text/plain` when absent (RFC 2045 section 5.2).
    var contentType = "text/plain"
    var parameters: [String: String] = [:]
    var encoding = TransferEncoding.identity
    var isAttachment = false
    /// Children of a multipart, or the message inside a `message/rfc822` part.
    var children: [MimeEntity] = []
    /// Text outside the parts of a multipart (preamble, epilogue), scanned as it is stored.
    var outside: [Range<Int>] = []

    var filename: String? { parameters["filename"] ?? parameters["name"] }
    var isMultipart: Bool { contentType.hasPrefix("multipart/") }
    var isText: Bool { contentType.hasPrefix("text/") }
    /// The id a locator uses for this entity's body: a single-part message's body is part 1.
    var bodyID: String { id.isEmpty ? "1" : id }
    /// The id a locator uses for this entity's header: the message's own header is part 0.
    var headerID: String { id.isEmpty ? "0" : id }
}

/// Parses a message into its MIME tree, in place: every range indexes the message bytes, so
/// text stored as-is keeps file offsets. Bounded by `FormatLimits.maxDepth` (multipart and
/// attached-message nesting) and `maxMembers` (parts, and header fields of one entity).
struct MimeParser {
    let bytes: [UInt8]
    let limits: FormatLimits
    private var parts = 0

    init(_ bytes: [UInt8], limits: FormatLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func parse() throws -> MimeEntity {
        try entity(0..<bytes.count, id: "", depth: 0)
    }

    private mutating func entity(_ range: Range<Int>, id: String, depth: Int) throws -> MimeEntity {
        if depth > limits.maxDepth { throw ContainerError.limit("MIME nesting (--max-depth)") }
        parts += 1
        if parts > limits.maxMembers { throw ContainerError.limit("MIME part count (--max-members)") }
        let (headers, bodyStart) = try headerFields(range)
        var e = MimeEntity(id: id, headers: headers, body: bodyStart..<range.upperBound)
        if let ct = field("content-type", in: headers) {
            let (type, params) = MimeParams.parse(bytes[ct.value])
            if type.contains("/") { e.contentType = type }
            e.parameters = params
        }
        if let disposition = field("content-disposition", in: headers) {
            let (kind, params) = MimeParams.parse(bytes[disposition.value])
            e.isAttachment = kind == "attachment"
            for (k, v) in params where k == "filename" { e.parameters["filename"] = v }
        }
        e.encoding = TransferEncoding(header: field("content-transfer-encoding", in: headers).map { Array(bytes[$0.value]) })
        if e.isMultipart, let boundary = e.parameters["boundary"], !boundary.isEmpty {
            let (ranges, outside) = split(e.body, boundary: Array(boundary.utf8))
            e.outside = outside
            for (k, r) in ranges.enumerated() {
                e.children.append(try entity(r, id: id.isEmpty ? "\(k + 1)" : "\(id).\(k + 1)", depth: depth + 1))
            }
        } else if e.contentType == "message/rfc822", e.encoding == .identity {
            e.children = [try entity(e.body, id: "\(e.bodyID).1", depth: depth + 1)]
        }
        return e
    }

    private func field(_ name: String, in headers: [MimeHeaderField]) -> MimeHeaderField? {
        headers.first { $0.name == name }
    }

    /// The header fields of an entity and where its body starts (after the blank line; at the
    /// first line that is not a field when there is none).
    private func headerFields(_ range: Range<Int>) throws -> ([MimeHeaderField], Int) {
        var fields: [MimeHeaderField] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            // A blank line ends the header.
            if bytes[i] == 0x0A { return (fields, i + 1) }
            if bytes[i] == 0x0D, i + 1 < end, bytes[i + 1] == 0x0A { return (fields, i + 2) }
            if bytes[i] == 0x20 || bytes[i] == 0x09 { return (fields, i) }
            var colon = i
            while colon < end && bytes[colon] != UInt8(ascii: ":") && bytes[colon] != 0x0A { colon += 1 }
            guard colon < end, bytes[colon] == UInt8(ascii: ":"), colon > i else { return (fields, i) }
            // The field runs to the line break not followed by a space or tab.
            var j = colon + 1
            var valueEnd = end
            var next = end
            while j < end {
                if bytes[j] == 0x0A {
                    if j + 1 < end && (bytes[j + 1] == 0x20 || bytes[j + 1] == 0x09) { j += 1; continue }
                    valueEnd = j > colon + 1 && bytes[j - 1] == 0x0D ? j - 1 : j
                    next = j + 1
                    break
                }
                j += 1
            }
            let rawName = String(decoding: bytes[i..<colon], as: UTF8.self)
            fields.append(MimeHeaderField(name: rawName.trimmingSpaces.lowercased(), displayName: rawName.trimmingSpaces,
                                          value: (colon + 1)..<max(colon + 1, valueEnd)))
            if fields.count > limits.maxMembers { throw ContainerError.limit("header fields (--max-members)") }
            i = next
        }
        return (fields, end)
    }

    /// The parts of a multipart body and the stretches outside them (RFC 2046 section 5.1.1):
    /// a part runs from after its delimiter line to the line break before the next delimiter.
    private func split(_ body: Range<Int>, boundary: [UInt8]) -> ([Range<Int>], [Range<Int>]) {
        let delimiter = [UInt8(ascii: "-"), UInt8(ascii: "-")] + boundary
        var parts: [Range<Int>] = []
        var outside: [Range<Int>] = []
        var partStart: Int?
        var lineStart = body.lowerBound
        var preambleDone = false
        while lineStart < body.upperBound {
            var lineEnd = lineStart
            while lineEnd < body.upperBound && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, body.upperBound)
            if lineEnd - lineStart >= delimiter.count, bytes[lineStart..<(lineStart + delimiter.count)].elementsEqual(delimiter) {
                // The line break before the delimiter belongs to the delimiter.
                var contentEnd = lineStart
                if contentEnd > body.lowerBound && bytes[contentEnd - 1] == 0x0A { contentEnd -= 1 }
                if contentEnd > body.lowerBound && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if let s = partStart {
                    parts.append(s..<max(s, contentEnd))
                } else if !preambleDone {
                    outside.append(body.lowerBound..<max(body.lowerBound, contentEnd))
                }
                preambleDone = true
                let after = lineStart + delimiter.count
                let isClose = after + 1 < body.upperBound && bytes[after] == UInt8(ascii: "-") && bytes[after + 1] == UInt8(ascii: "-")
                if isClose {
                    outside.append(next..<body.upperBound)
                    return (parts, outside)
                }
                partStart = next
            }
            lineStart = next
        }
        if let s = partStart { parts.append(s..<body.upperBound) }
        if !preambleDone { outside.append(body) }
        return (parts, outside)
    }
}

/// `type/subtype; name=value; name="quoted value"` (RFC 2045 section 5.1), with RFC 2231's
/// `name*=charset''percent-encoded` for file names.
enum MimeParams {
    static func parse(_ raw: ArraySlice<UInt8>) -> (String, [String: String]) {
        let text = String(decoding: raw.filter { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for ch in text {
            if escaped { current.append(ch); escaped = false; continue }
            if quoted && ch == "\\" { escaped = true; continue }
            if ch == "\"" { quoted.toggle(); continue }
            if ch == ";" && !quoted { pieces.append(current); current = ""; continue }
            current.append(ch)
        }
        pieces.append(current)
        let type = pieces.first?.trimmingSpaces.lowercased() ?? ""
        var params: [String: String] = [:]
        for p in pieces.dropFirst() {
            guard let eq = p.firstIndex(of: "=") else { continue }
            var key = String(p[..<eq]).trimmingSpaces.lowercased()
            var value = String(p[p.index(after: eq)...]).trimmingSpaces
            if key.hasSuffix("*") {
                key.removeLast()
                if let q = value.range(of: "''") { value = String(value[q.upperBound...]) }
                value = value.removingPercentEncodingBytes
            }
            params[key] = value
        }
        return (type, params)
    }
}

extension MimeParams {
    /// The raw range of the `boundary` parameter's value (quotes included) in a Content-Type
    /// value, or nil.
    static func boundaryRange(_ bytes: [UInt8], _ value: Range<Int>) -> Range<Int>? {
        let key = Array("boundary".utf8)
        var i = value.lowerBound
        while i + key.count <= value.upperBound {
            if bytes[i..<(i + key.count)].map({ $0 | 0x20 }).elementsEqual(key) {
                var j = i + key.count
                while j < value.upperBound && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
                if j < value.upperBound && bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < value.upperBound && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
                    let start = j
                    if j < value.upperBound && bytes[j] == UInt8(ascii: "\"") {
                        j += 1
                        while j < value.upperBound && bytes[j] != UInt8(ascii: "\"") { j += 1 }
                        j = min(value.upperBound, j + 1)
                    } else {
                        while j < value.upperBound && bytes[j] != UInt8(ascii: ";") && bytes[j] > 0x20 { j += 1 }
                    }
                    return start..<j
                }
            }
            i += 1
        }
        return nil
    }
}

extension String {
    /// `%XX` decoded as UTF-8 bytes; malformed escapes kept.
    var removingPercentEncodingBytes: String {
        let b = Array(utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(v)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
