#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Writes the redaction schedule `NAME.schedule.csv` beside a redacted copy: for the recipient,
/// one row per redaction with where its mark is in the copy they hold (line and column, and byte
/// offsets), its category and its justification code. Never the redacted content, and never the
/// offsets in the original (which the recipient does not have).
///
/// ```
/// item,line,column,byte_start,byte_end,category,justification
/// 1,3,12,120,133,nhs_number,medical
/// ```
///
/// `line` and `column` are 1-based, the column in bytes (as `redact scan` reports them);
/// `byte_start`/`byte_end` are offsets into the redacted copy, `end` exclusive. Spans kept with a
/// decision not to redact (style `keep`) are not redactions and are left out. A justification
/// the manifest does not carry is the category's default (`reference/category-justifications.tsv`)
/// when the caller supplies one, else `-`.
///
/// Line numbers need the copy's newlines, so the writer reads the committed copy once, streaming
/// (memory stays flat whatever its size). The schedule is written atomically, like the manifest.
public struct ScheduleWriter: Sendable {
    public static let suffix = ".schedule.csv"
    public static let header = "item,line,column,byte_start,byte_end,category,justification"

    /// The category's default justification code, or nil for `-`.
    public var defaultJustification: @Sendable (String) -> String?

    public init(defaultJustification: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.defaultJustification = defaultJustification
    }

    public struct Row: Sendable, Equatable {
        public var item: Int
        /// 0 for a mark inside a located part (a DOCX paragraph, a MIME part): no line of the file.
        public var line: Int
        public var column: Int
        public var start: Int
        public var end: Int
        public var category: String
        public var justification: String
        /// The part the offsets index (`word/document.xml#p3`), for document formats; else nil.
        public var locator: String? = nil
    }

    /// The schedule's rows for `manifest`, locating each mark in the copy at `redactedPath`.
    /// Marks in located parts (DOCX, encoded email parts, zip members) keep their locator and
    /// offsets into the part's text; they have no line in the file.
    public func rows(_ manifest: Manifest, redactedPath: String) throws -> [Row] {
        let entries = manifest.redactions.filter { $0.style != MarkCheck.keepStyle }
        let inFile = entries.filter { $0.locator == nil }.sorted { $0.output.start < $1.output.start }
        let located = entries.filter { $0.locator != nil }
        let positions = try Self.lineColumns(of: inFile.map(\.output.start), in: redactedPath)
        var rows = inFile.enumerated().map { i, e in
            Row(item: 0, line: positions[i].line, column: positions[i].column, start: e.output.start, end: e.output.end,
                category: e.category, justification: e.justification ?? defaultJustification(e.category) ?? "-")
        }
        rows += located.map { e in
            Row(item: 0, line: 0, column: 0, start: e.output.start, end: e.output.end, category: e.category,
                justification: e.justification ?? defaultJustification(e.category) ?? "-", locator: e.locator)
        }
        for i in rows.indices { rows[i].item = i + 1 }
        return rows
    }

    /// The schedule as CSV text (LF line ends; every field is a code or a number, so no quoting).
    /// A document with located marks gets a last column, `locator`, and empty line and column
    /// for those marks.
    public func csv(_ rows: [Row]) -> String {
        let withLocator = rows.contains { $0.locator != nil }
        var out = Self.header + (withLocator ? ",locator" : "") + "\n"
        for r in rows {
            let place = r.locator == nil ? "\(r.line),\(r.column)" : ","
            out += "\(r.item),\(place),\(r.start),\(r.end),\(Self.field(r.category)),\(Self.field(r.justification))"
            if withLocator { out += "," + Self.field(r.locator ?? "") }
            out += "\n"
        }
        return out
    }

    /// Writes `redactedPath + ".schedule.csv"` atomically and returns its path.
    @discardableResult
    public func write(_ manifest: Manifest, redactedPath: String) throws -> String {
        let path = redactedPath + Self.suffix
        let data = Array(csv(try rows(manifest, redactedPath: redactedPath)).utf8)
        let file = try AtomicFile(path: path, overwrite: true)
        var done = 0
        while done < data.count {
            let n = data.withUnsafeBytes { Glibc.write(file.fd, $0.baseAddress! + done, data.count - done) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                let cause = String(cString: strerror(errno))
                file.abort()
                throw AtomicFile.Failure(path: path, cause: "cannot write the schedule: \(cause)")
            }
            done += n
        }
        try file.commit(overwrite: true)
        return path
    }

    /// A code as a CSV field: quoted only if it holds a comma, quote or line break (codes never
    /// should; a pack's category id is free-form enough to be careful).
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// 1-based line and byte column of each offset (ascending) in the file, read in blocks.
    static func lineColumns(of offsets: [Int], in path: String) throws -> [(line: Int, column: Int)] {
        guard !offsets.isEmpty else { return [] }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.Failure(path: path, cause: "cannot read the redacted copy: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var out: [(line: Int, column: Int)] = []
        out.reserveCapacity(offsets.count)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var base = 0, line = 1, lineStart = 0, next = 0
        while next < offsets.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.Failure(path: path, cause: "cannot read the redacted copy: \(String(cString: strerror(errno)))")
            }
            // Offsets past the end (a truncated copy) are placed at the end.
            if n == 0 { break }
            buffer.withUnsafeBufferPointer { buf in
                let p = buf.baseAddress!
                var i = 0
                // memchr runs at memory speed. An offset is on the current line up to and
                // including the next newline's position.
                while i < n, let hit = memchr(p + i, 0x0A, n - i) {
                    let q = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - p
                    while next < offsets.count && offsets[next] <= base + q {
                        out.append((line, offsets[next] - lineStart + 1))
                        next += 1
                    }
                    line += 1
                    lineStart = base + q + 1
                    i = q + 1
                }
                while next < offsets.count && offsets[next] < base + n {
                    out.append((line, offsets[next] - lineStart + 1))
                    next += 1
                }
            }
            base += n
        }
        while next < offsets.count {
            out.append((line, offsets[next] - lineStart + 1))
            next += 1
        }
        return out
    }
}
