import RedactCore

/// An RFC 4180 reader for CSV and TSV as a push parser: quoted fields, doubled quotes, line
/// breaks inside quotes, CRLF or LF rows, a UTF-8 BOM. Lenient where files in the wild are (a
/// quote inside a bare field is data; rows may differ in length); strict where guessing would
/// misplace text (bytes after a closing quote, a quote never closed).
///
/// The first row is read as the header: its cells label their columns (and are scanned too, in
/// case the file has no header). Each finished cell goes to the `FieldProcessor` with its
/// column's label as context; cells are read without copying unless they hold a `""`.
struct CSVParser: FieldParser {
    let delimiter: UInt8
    let path: String
    let maxFieldBytes: Int

    private enum State { case fieldStart, bare, quoted, quoteSeen, quotedCR }
    private var state = State.fieldStart
    private var startSeen = false
    private var fieldStart = 0
    private var contentStart = 0
    /// A quoted cell with `""` in it is decoded here; other cells are read in place.
    private var decoding = false
    private var decoded: [UInt8] = []
    private var escapes = EscapeMap()
    private(set) var row = 0
    private var column = 0
    private var labels: [String] = []
    private var contexts: [FieldContext?] = []
    /// Header cells kept as labels (a header of a million columns is not kept whole).
    static let maxLabels = 10_000
    static let maxLabelBytes = 256

    init(delimiter: UInt8, path: String, maxFieldBytes: Int) {
        self.delimiter = delimiter
        self.path = path
        self.maxFieldBytes = maxFieldBytes
    }

    var pending: Int? {
        switch state {
        case .fieldStart: return nil
        case .bare, .quoted, .quoteSeen, .quotedCR: return fieldStart
        }
    }

    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int, from: Int, into sink: FieldProcessor) throws {
        guard let p = buffer.baseAddress else { return }
        let n = buffer.count
        var i = from - bufferBase
        // A BOM is not part of the first header cell.
        // (`StreamDriver` hands over at least its first 8 bytes at once.)
        if !startSeen && from == 0 {
            if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
            startSeen = true
        }
        let delimiter = self.delimiter
        while i < n {
            switch state {
            case .fieldStart:
                let b = p[i]
                fieldStart = bufferBase + i
                if b == 0x22 {
                    state = .quoted
                    contentStart = fieldStart + 1
                    decoding = false
                    i += 1
                } else if b == delimiter {
                    endField(buffer, bufferBase, raw: fieldStart..<fieldStart, encoding: .csvBare(delimiter: delimiter), sink)
                    column += 1
                    i += 1
                } else if b == 0x0A {
                    endField(buffer, bufferBase, raw: fieldStart..<fieldStart, encoding: .csvBare(delimiter: delimiter), sink)
                    endRow()
                    i += 1
                } else {
                    state = .bare
                    contentStart = fieldStart
                }
            case .bare:
                // The hot loop: a bare cell ends at the delimiter or a line feed.
                var j = i
                while j < n && p[j] != delimiter && p[j] != 0x0A { j += 1 }
                if bufferBase + j - fieldStart > maxFieldBytes { throw tooLong() }
                if j == n { i = n; break }
                var end = bufferBase + j
                let isRowEnd = p[j] == 0x0A
                if isRowEnd && end > fieldStart && p[end - 1 - bufferBase] == 0x0D { end -= 1 }
                endField(buffer, bufferBase, raw: fieldStart..<end, encoding: .csvBare(delimiter: delimiter), sink)
                if isRowEnd { endRow() } else { column += 1 }
                state = .fieldStart
                i = j + 1
            case .quoted:
                var j = i
                if decoding {
                    while j < n && p[j] != 0x22 { decoded.append(p[j]); j += 1 }
                } else {
                    while j < n && p[j] != 0x22 { j += 1 }
                }
                if bufferBase + j - fieldStart > maxFieldBytes { throw tooLong() }
                if j == n { i = n; break }
                state = .quoteSeen
                i = j + 1
            case .quoteSeen:
                let b = p[i]
                let at = bufferBase + i
                if b == 0x22 {
                    // `""`: one quote. Start decoding at the first one.
                    if !decoding {
                        decoding = true
                        decoded.removeAll(keepingCapacity: true)
                        escapes.removeAll()
                        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[(contentStart - bufferBase)..<(i - 1)]))
                    }
                    let r0 = at - 1 - contentStart
                    escapes.add(decoded: decoded.count..<(decoded.count + 1), raw: r0..<(r0 + 2))
                    decoded.append(0x22)
                    state = .quoted
                    i += 1
                } else if b == delimiter {
                    endField(buffer, bufferBase, raw: fieldStart..<at, encoding: .csvQuoted, sink)
                    column += 1
                    state = .fieldStart
                    i += 1
                } else if b == 0x0A {
                    endField(buffer, bufferBase, raw: fieldStart..<at, encoding: .csvQuoted, sink)
                    endRow()
                    state = .fieldStart
                    i += 1
                } else if b == 0x0D {
                    state = .quotedCR
                    i += 1
                } else {
                    throw FormatError(.corrupt, path: path, offset: at,
                                      detail: "unexpected byte after the closing quote of a field (row \(row + 1), column \(column + 1))")
                }
            case .quotedCR:
                let at = bufferBase + i
                guard p[i] == 0x0A else {
                    throw FormatError(.corrupt, path: path, offset: at, detail: "a carriage return after a quoted field is not followed by a line feed")
                }
                endField(buffer, bufferBase, raw: fieldStart..<(at - 1), encoding: .csvQuoted, sink)
                endRow()
                state = .fieldStart
                i += 1
            }
        }
    }

    mutating func finish(_ buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int, into sink: FieldProcessor) throws {
        let end = bufferBase + buffer.count
        switch state {
        case .fieldStart:
            // `a,b,` at the end of the file: the last cell is empty (nothing to scan).
            break
        case .bare:
            var e = end
            if e > fieldStart && buffer[e - 1 - bufferBase] == 0x0D { e -= 1 }
            endField(buffer, bufferBase, raw: fieldStart..<e, encoding: .csvBare(delimiter: delimiter), sink)
        case .quoted:
            throw FormatError(.corrupt, path: path, offset: fieldStart,
                              detail: "a quoted field is never closed (row \(row + 1), column \(column + 1))")
        case .quoteSeen:
            endField(buffer, bufferBase, raw: fieldStart..<end, encoding: .csvQuoted, sink)
        case .quotedCR:
            endField(buffer, bufferBase, raw: fieldStart..<(end - 1), encoding: .csvQuoted, sink)
        }
        state = .fieldStart
    }

    private func tooLong() -> FormatError {
        FormatError(.limitExceeded, path: path, offset: fieldStart,
                    detail: "a field longer than \(maxFieldBytes) bytes (row \(row + 1), column \(column + 1); --max-field-bytes)")
    }

    private mutating func endRow() {
        row += 1
        column = 0
    }

    private mutating func endField(_ buffer: UnsafeBufferPointer<UInt8>, _ bufferBase: Int, raw: Range<Int>,
                                   encoding: FieldEncoding, _ sink: FieldProcessor) {
        let quoted: Bool
        if case .csvQuoted = encoding { quoted = true } else { quoted = false }
        let contentEnd = quoted ? raw.upperBound - 1 : raw.upperBound
        let content = quoted ? raw.lowerBound + 1 : raw.lowerBound
        let useDecoded = quoted && decoding
        let escapes = useDecoded ? self.escapes : EscapeMap()
        let body = { (text: UnsafeBufferPointer<UInt8>, row: Int, column: Int, context: FieldContext?) in
            sink.field(Field(raw: raw, contentStart: content, encoding: encoding, context: context), text: text,
                       escapes: escapes, buffer: buffer, bufferBase: bufferBase) {
                "row:\(row + 1),col:\(column + 1)"
            }
        }
        let context = row > 0 && column < contexts.count ? contexts[column] : nil
        if useDecoded {
            decoded.withUnsafeBufferPointer { body($0, row, column, context) }
        } else {
            body(UnsafeBufferPointer(rebasing: buffer[(content - bufferBase)..<(contentEnd - bufferBase)]), row, column, context)
        }
        if row == 0 && column < Self.maxLabels {
            let bytes = useDecoded ? decoded[...] : ArraySlice(UnsafeBufferPointer(rebasing: buffer[(content - bufferBase)..<(contentEnd - bufferBase)]))
            let label = String(decoding: bytes.prefix(Self.maxLabelBytes), as: UTF8.self)
            while contexts.count < column { contexts.append(nil) }
            contexts.append(FieldVocabulary.context(label: label, kind: "column"))
            labels.append(label)
        }
        decoding = false
    }
}
