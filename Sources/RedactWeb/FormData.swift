import Foundation

/// A file sent with a multipart form.
public struct UploadedFile: Sendable, Equatable {
    /// The file name the browser sent (untrusted: shown escaped, logged after the log's redactor).
    public var filename: String
    public var contentType: String?
    public var bytes: [UInt8]
}

/// The fields of a form post: `application/x-www-form-urlencoded` or `multipart/form-data`.
///
/// The multipart reader is small on purpose: the body has already been collected under the
/// server's size limit, parts are split on the boundary, and only `name` and `filename` of
/// `Content-Disposition` are read. Field values are never logged.
public struct FormData: Sendable {
    public var fields: [String: [String]] = [:]
    public var files: [String: UploadedFile] = [:]

    public init(fields: [String: [String]] = [:], files: [String: UploadedFile] = [:]) {
        self.fields = fields
        self.files = files
    }

    public subscript(name: String) -> String? { fields[name]?.first }

    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    public static func parse(body: [UInt8], contentType: String?) throws -> FormData {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("multipart/form-data") {
            guard let b = parameter("boundary", in: contentType ?? "") else { throw Malformed(description: "multipart form without a boundary") }
            return try multipart(body, boundary: b)
        }
        return urlEncoded(body)
    }

    public static func urlEncoded(_ body: [UInt8]) -> FormData {
        var form = FormData()
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let kv = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(kv[0])
            let value = kv.count > 1 ? decode(kv[1]) : ""
            form.fields[key, default: []].append(value)
        }
        return form
    }

    /// `+` is a space; `%XX` a byte; the result is UTF-8 (invalid bytes replaced).
    static func decode(_ s: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == UInt8(ascii: "+") {
                out.append(0x20)
            } else if c == UInt8(ascii: "%"), i + 2 < s.endIndex, let h = hex(s[i + 1]), let l = hex(s[i + 2]) {
                out.append(h << 4 | l)
                i += 2
            } else {
                out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var v = kv[1].trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\"") && v.hasSuffix("\"") && v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }

    public static func multipart(_ body: [UInt8], boundary: String) throws -> FormData {
        let delimiter = Array(("--" + boundary).utf8)
        var form = FormData()
        var positions: [Int] = []
        var i = 0
        while let at = find(delimiter, in: body, from: i) {
            positions.append(at)
            i = at + delimiter.count
        }
        guard positions.count >= 2 else { throw Malformed(description: "multipart form without parts") }
        for (a, b) in zip(positions, positions.dropFirst()) {
            var start = a + delimiter.count
            // The delimiter line ends with CRLF; the part ends with CRLF before the next delimiter.
            if start + 1 < body.count && body[start] == 0x0D && body[start + 1] == 0x0A { start += 2 }
            var end = b
            if end >= 2 && body[end - 2] == 0x0D && body[end - 1] == 0x0A { end -= 2 }
            guard start <= end, let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: start), headerEnd <= end else { continue }
            let headers = String(decoding: body[start..<headerEnd], as: UTF8.self)
            let content = Array(body[(headerEnd + 4)..<end])
            var name: String? = nil, filename: String? = nil, type: String? = nil
            for line in headers.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = parameter("name", in: line)
                    filename = parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    type = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { continue }
            if let filename {
                if !filename.isEmpty || !content.isEmpty {
                    form.files[name] = UploadedFile(filename: filename, contentType: type, bytes: content)
                }
            } else {
                form.fields[name, default: []].append(String(decoding: content, as: UTF8.self))
            }
        }
        return form
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first && Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
