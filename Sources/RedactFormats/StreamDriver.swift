#if canImport(Glibc)
import Glibc
#endif
import RedactCore

/// A push parser for a structured text format: it is handed the retained input and reports
/// each finished field to a `FieldProcessor`.
protocol FieldParser {
    /// Parses `buffer` (absolute offset `bufferBase`) from absolute offset `from` to its end.
    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int, from: Int, into sink: FieldProcessor) throws
    /// The input has ended (`buffer` holds what is retained): finish the last field, check
    /// that the document is complete.
    mutating func finish(_ buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int, into sink: FieldProcessor) throws
    /// Absolute offset of the first byte still needed (the start of the field being read), or
    /// nil when nothing before the parse point is needed.
    var pending: Int? { get }
}

/// Feeds input to a parser in blocks, keeping only the bytes of the field being read, so
/// memory is one block plus one field (bounded by `--max-field-bytes`) whatever the file size.
enum StreamDriver {
    /// Bytes the first `consume` always sees (or the whole input, if shorter).
    static let head = 8192

    /// Reads with `read(buffer, max)` (appends, returns the count, 0 at the end) until the end.
    /// Returns the input size.
    static func run<P: FieldParser>(_ parser: inout P, chunkSize: Int, sink: FieldProcessor,
                                    read: (inout [UInt8], Int) throws -> Int) throws -> Int {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize)
        var base = 0
        var first = true
        while true {
            let parsed = base + buffer.count
            var n = try read(&buffer, chunkSize)
            if n == 0 { break }
            // Parsers look at the first bytes together (a BOM, a header row to sniff), whatever
            // the block size.
            while first && buffer.count < Self.head {
                let more = try read(&buffer, Self.head - buffer.count)
                if more == 0 { break }
                n += more
            }
            first = false
            try buffer.withUnsafeBufferPointer { try parser.consume($0, bufferBase: base, from: parsed, into: sink) }
            let keep = parser.pending ?? (base + buffer.count)
            if keep - base >= chunkSize / 2 || keep == base + buffer.count {
                buffer.withUnsafeBufferPointer { sink.release(upTo: keep, buffer: $0, bufferBase: base) }
                buffer.removeFirst(keep - base)
                base = keep
            }
        }
        try buffer.withUnsafeBufferPointer { try parser.finish($0, bufferBase: base, into: sink) }
        let end = base + buffer.count
        buffer.withUnsafeBufferPointer { sink.release(upTo: end, buffer: $0, bufferBase: base) }
        return end
    }

    /// Runs over bytes in memory (a container's member), in one block.
    static func run<P: FieldParser>(_ parser: inout P, bytes: [UInt8], sink: FieldProcessor) throws {
        try bytes.withUnsafeBufferPointer { all in
            try parser.consume(all, bufferBase: 0, from: 0, into: sink)
            try parser.finish(all, bufferBase: 0, into: sink)
            sink.release(upTo: all.count, buffer: all, bufferBase: 0)
        }
    }

    /// A `read` for `run` over a file descriptor (EINTR retried). Errors name the path only.
    static func reader(fd: Int32, path: String) -> (inout [UInt8], Int) throws -> Int {
        { buffer, max in
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: max))
            while true {
                let n = buffer.withUnsafeMutableBufferPointer { Glibc.read(fd, $0.baseAddress! + old, max) }
                if n >= 0 {
                    buffer.removeLast(max - n)
                    return n
                }
                if errno == EINTR { continue }
                buffer.removeLast(max)
                throw FormatError(.corrupt, path: path, detail: "read failed: \(String(cString: strerror(errno)))")
            }
        }
    }
}
