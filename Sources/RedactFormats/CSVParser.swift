import RedactCore

/// An RFC 4180 reader for CSV and TSV as a push parser: quoted fields, doubled quotes, line
/// breaks inside quotes, CRLF or LF rows, a UTF-8 BOM, and (for `.csv`) the delimiter sniffed
/// from the header row (`,`, `;`, tab or `|`, as spreadsheet exports vary). Lenient where files
/// in the wild are (a quote inside a bare field is data; rows may differ in length); strict
/// where guessing would misplace text (bytes after a closing quote, a quote never closed).
///
/// The first row is the header: its cells label their columns (and are scanned too, in case the
/// file has none). A row is read whole before its cells are scanned, so a row whose cell count
/// differs from the header's (an unquoted comma in an exported date) is scanned without column
/// context: a `Name` column makes whole-cell findings only where the columns line up. A row as
/// stored is bounded by `maxFieldBytes`.
struct CSVParser: FieldParser {
    /// Nil: sniff from the header row.
    private(set) var delimiter: UInt8?
    let path: String
    let maxFieldBytes: Int

    private enum State { case fieldStart, bare, quoted, quoteSeen, quotedCR }
    private struct Cell {
        var raw: Range<Int>
        var quoted: Bool
    }
    private var state = State.fieldStart
    private var started = false
    private var fieldStart = 0
    private var rowStart: Int? = nil
    private var cells: [Cell] = []
    private(set) var row = 0
    private var contexts: [FieldContext?] = []
    private var decoded: [UInt8] = []
    private var escapes = EscapeMap()
    /// Header cells kept as labels (a header of a million columns is not kept whole).
    static let maxLabels = 10_000
    static let maxLabelBytes = 256
    /// Candidate delimiters for `.csv`, most usual first (ties go to the earlier).
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    init(delimiter: UInt8?, path: String, maxFieldBytes: Int) {
        self.delimiter = delimiter
        self.path = path
        self.maxFieldBytes = maxFieldBytes
    }

    var pending: Int? { rowStart }

    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int, from: Int, into sink: FieldProcessor) throws {
        guard let p = buffer.baseAddress else { return }
        let n = buffer.count
        var i = from - bufferBase
        if !started {
            // `StreamDriver` hands over the first 8 KiB at once, so this sees the same bytes
            // whatever the block size. A BOM is not part of the first header cell.
            started = true
            if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
            if delimiter == nil { delimiter = Self.sniff(UnsafeBufferPointer(rebasing: buffer[i...])) }
        }
        let delimiter = self.delimiter!
        while i < n {
            if rowStart == nil { rowStart = bufferBase + i }
            if bufferBase + i - rowStart! > maxFieldBytes { throw tooLong() }
            switch state {
            case .fieldStart:
                let b = p[i]
                fieldStart = bufferBase + i
                if b == 0x22 {
                    state = .quoted
                    i += 1
                } else if b == delimiter {
                    cells.append(Cell(raw: fieldStart..<fieldStart, quoted: false))
                    i += 1
                } else if b == 0x0A {
                    cells.append(Cell(raw: fieldStart..<fieldStart, quoted: false))
                    endRow(buffer, bufferBase, sink)
                    i += 1
                } else {
                    state = .bare
                }
            case .bare:
                // The hot loop: a bare cell ends at the delimiter or a line feed.
                let limit = min(n, rowStart! + maxFieldBytes + 1 - bufferBase)
                var j = i
                while j < limit && p[j] != delimiter && p[j] != 0x0A { j += 1 }
                if j == limit {
                    i = j
                    continue
                }
                var end = bufferBase + j
                let isRowEnd = p[j] == 0x0A
                if isRowEnd && end > fieldStart && p[end - 1 - bufferBase] == 0x0D { end -= 1 }
                cells.append(Cell(raw: fieldStart..<end, quoted: false))
                state = .fieldStart
                i = j + 1
                if isRowEnd { endRow(buffer, bufferBase, sink) }
            case .quoted:
                let limit = min(n, rowStart! + maxFieldBytes + 1 - bufferBase)
                var j = i
                while j < limit && p[j] != 0x22 { j += 1 }
                if j == limit {
                    i = j
                    continue
                }
                state = .quoteSeen
                i = j + 1
            case .quoteSeen:
                let b = p[i]
                let at = bufferBase + i
                if b == 0x22 {
                    state = .quoted  // `""`: a quote inside the cell
                    i += 1
                } else if b == delimiter {
                    cells.append(Cell(raw: fieldStart..<at, quoted: true))
                    state = .fieldStart
                    i += 1
                } else if b == 0x0A {
                    cells.append(Cell(raw: fieldStart..<at, quoted: true))
                    state = .fieldStart
                    i += 1
                    endRow(buffer, bufferBase, sink)
                } else if b == 0x0D {
                    state = .quotedCR
                    i += 1
                } else {
                    throw FormatError(.corrupt, path: path, offset: at,
                                      detail: "not valid CSV: a byte after the closing quote of a field (row \(row + 1), column \(cells.count + 1))")
                }
            case .quotedCR:
                let at = bufferBase + i
                guard p[i] == 0x0A else {
                    throw FormatError(.corrupt, path: path, offset: at, detail: "not valid CSV: a carriage return after a quoted field is not followed by a line feed")
                }
                cells.append(Cell(raw: fieldStart..<(at - 1), quoted: true))
                state = .fieldStart
                i += 1
                endRow(buffer, bufferBase, sink)
            }
        }
    }

    mutating func finish(_ buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int, into sink: FieldProcessor) throws {
        let end = bufferBase + buffer.count
        switch state {
        case .fieldStart:
            // `a,b,` at the very end: the last cell is empty.
            if !cells.isEmpty { cells.append(Cell(raw: end..<end, quoted: false)) }
        case .bare:
            var e = end
            if e > fieldStart && buffer[e - 1 - bufferBase] == 0x0D { e -= 1 }
            cells.append(Cell(raw: fieldStart..<e, quoted: false))
        case .quoted:
            throw FormatError(.corrupt, path: path, offset: fieldStart,
                              detail: "not valid CSV: a quoted field is never closed (row \(row + 1), column \(cells.count + 1))")
        case .quoteSeen:
            cells.append(Cell(raw: fieldStart..<end, quoted: true))
        case .quotedCR:
            cells.append(Cell(raw: fieldStart..<(end - 1), quoted: true))
        }
        state = .fieldStart
        if !cells.isEmpty { endRow(buffer, bufferBase, sink) }
    }

    /// The delimiter of the header row: the candidate seen most often outside quotes. A quote
    /// opens a quoted field only at a field start (the line start or just after any candidate),
    /// as the parser reads quotes, so a stray quote inside a bare cell does not hide the rest
    /// of the line.
    static func sniff(_ head: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        var atFieldStart = true
        var i = 0
        let n = min(head.count, StreamDriver.head)
        while i < n {
            let b = head[i]
            i += 1
            if quoted {
                if b == 0x22 {
                    if i < n && head[i] == 0x22 { i += 1 } else { quoted = false }
                }
                continue
            }
            if b == 0x22 && atFieldStart {
                quoted = true
                atFieldStart = false
                continue
            }
            if b == 0x0A { break }
            if let k = candidates.firstIndex(of: b) {
                counts[k] += 1
                atFieldStart = true
            } else {
                atFieldStart = false
            }
        }
        var best = 0
        for k in counts.indices where counts[k] > counts[best] { best = k }
        return candidates[best]
    }

    private func tooLong() -> FormatError {
        FormatError(.limitExceeded, path: path, offset: rowStart ?? fieldStart,
                    detail: "a row longer than \(maxFieldBytes) bytes (row \(row + 1); --max-field-bytes)")
    }

    /// Scans the cells of the finished row, in order.
    private mutating func endRow(_ buffer: UnsafeBufferPointer<UInt8>, _ bufferBase: Int, _ sink: FieldProcessor) {
        // Column labels apply only where the row lines up with the header.
        let aligned = row > 0 && cells.count == contexts.count
        for (column, cell) in cells.enumerated() {
            let context = aligned ? contexts[column] : nil
            let content = cell.quoted ? (cell.raw.lowerBound + 1)..<(cell.raw.upperBound - 1) : cell.raw
            let stored = UnsafeBufferPointer(rebasing: buffer[(content.lowerBound - bufferBase)..<(content.upperBound - bufferBase)])
            let field = Field(raw: cell.raw, contentStart: content.lowerBound,
                              encoding: cell.quoted ? .csvQuoted : .csvBare(delimiter: delimiter!), context: context)
            let row = self.row
            let location = { "row:\(row + 1),col:\(column + 1)" }
            if cell.quoted && stored.contains(0x22) {
                decode(stored)
                decoded.withUnsafeBufferPointer {
                    sink.field(field, text: $0, escapes: escapes, buffer: buffer, bufferBase: bufferBase, location: location)
                }
            } else {
                sink.field(field, text: stored, escapes: EscapeMap(), buffer: buffer, bufferBase: bufferBase, location: location)
            }
            if self.row == 0 && column < Self.maxLabels {
                let text = cell.quoted && stored.contains(0x22) ? decoded[...] : ArraySlice(stored)
                let label = String(decoding: text.prefix(Self.maxLabelBytes), as: UTF8.self)
                contexts.append(FieldVocabulary.context(label: label, kind: "column"))
            }
        }
        row += 1
        cells.removeAll(keepingCapacity: true)
        rowStart = nil
    }

    /// A quoted cell's content with each `""` read as one quote, and the map back.
    private mutating func decode(_ stored: UnsafeBufferPointer<UInt8>) {
        decoded.removeAll(keepingCapacity: true)
        escapes.removeAll()
        var i = 0
        while i < stored.count {
            if stored[i] == 0x22 && i + 1 < stored.count && stored[i + 1] == 0x22 {
                escapes.add(decoded: decoded.count..<(decoded.count + 1), raw: i..<(i + 2))
                decoded.append(0x22)
                i += 2
            } else {
                decoded.append(stored[i])
                i += 1
            }
        }
    }
}
