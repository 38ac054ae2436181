#if canImport(Glibc)
import Glibc
#endif
import RedactCore

/// Scans a byte stream in fixed blocks with a carried window, so memory stays flat whatever
/// the input size (a multi-gigabyte single line included) and findings never depend on where a
/// block boundary falls.
///
/// ```
///  absolute offsets ─────────────────────────────────────────────────────────▶
///            |<- overlap ->|<------- block (chunk size) ------->|<- overlap ->|
///  buffer:   [  carried    |  findings starting here are emitted |  lookahead ]
/// ```
/// Each block is scanned together with `engine.overlap` bytes before and after it, and only
/// the findings that *start* inside the block are emitted. Every decision about a finding looks
/// at most `overlap` bytes away from it, so the result is the same for any block size from
/// 1 byte up; the block size is also the read size.
public struct StreamScanner: Sendable {
    public let engine: ScanEngine
    public let chunkSize: Int
    /// Whether to scan files that look binary (a NUL byte in the first 8 KiB).
    public var scanBinary: Bool

    /// Bytes looked at to decide whether an input is binary (independent of the chunk size).
    public static let binaryProbe = 8192

    public init(engine: ScanEngine, chunkSize: Int = 1 << 20, scanBinary: Bool = false) {
        self.engine = engine
        self.chunkSize = max(1, chunkSize)
        self.scanBinary = scanBinary
    }

    public struct Outcome: Sendable {
        public var bytes: Int = 0
        public var findings: Int = 0
        public var skippedBinary = false
    }

    /// Convenience: calls `onFinding` for each finding, in order of start.
    public func scan(
        fd: Int32, path: String, scratch: ScanScratch,
        onFinding: (Finding, _ buffer: UnsafeBufferPointer<UInt8>, _ bufferBase: Int) -> Void
    ) throws -> Outcome {
        try withoutActuallyEscaping(onFinding) { escapable in
            var sink = ClosureSink(onFinding: escapable)
            return try scan(fd: fd, path: path, scratch: scratch, sink: &sink)
        }
    }

    /// Reads `fd` to its end and pushes every finding, in order of start with absolute byte
    /// offsets, and every byte range, in order, into `sink` (see `ScanSink`).
    public func scan<Sink: ScanSink>(fd: Int32, path: String, scratch: ScanScratch, sink: inout Sink) throws -> Outcome {
        Self.widenPipe(fd, to: chunkSize)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 2 * engine.overlap + 1)
        var eof = false
        while !eof && buffer.count < Self.binaryProbe {
            if try readSome(fd, into: &buffer, max: min(chunkSize, Self.binaryProbe - buffer.count), path: path) == 0 { eof = true }
        }
        if !scanBinary && buffer.prefix(Self.binaryProbe).contains(0) {
            var outcome = Outcome()
            outcome.skippedBinary = true
            return outcome
        }
        let columns = buffer.withUnsafeBufferPointer {
            ColumnContext.fromHeader(path: path, prefix: UnsafeBufferPointer(rebasing: $0.prefix(Self.binaryProbe)))
        }
        sink.begin()
        return try run(buffer: buffer, eof: eof, from: 0, to: nil, columns: columns, scratch: scratch, sink: &sink) { buf, want, _ in
            try readSome(fd, into: &buf, max: want, path: path)
        }
    }

    /// What must be known about a whole file before its segments are scanned in parallel.
    public struct Prelude: Sendable {
        public var binary: Bool
        public var columns: ColumnContext?
    }

    /// Reads the start of a regular file (positionally) for the binary check and header row.
    public func prelude(fd: Int32, path: String) throws -> Prelude {
        var buffer: [UInt8] = []
        while buffer.count < Self.binaryProbe {
            if try readAt(fd, into: &buffer, max: Self.binaryProbe - buffer.count, offset: buffer.count, path: path) == 0 { break }
        }
        let columns = buffer.withUnsafeBufferPointer { ColumnContext.fromHeader(path: path, prefix: $0) }
        return Prelude(binary: !scanBinary && buffer.contains(0), columns: columns)
    }

    /// Scans the findings that start in `segment` of a regular file, reading positionally
    /// (`pread`), so several workers can scan one file at once. Bytes within `engine.overlap`
    /// of the segment are read too, so the findings are exactly those a whole-file scan
    /// reports in that range.
    public func scanSegment<Sink: ScanSink>(
        fd: Int32, path: String, segment: Range<Int>, prelude: Prelude, scratch: ScanScratch, sink: inout Sink
    ) throws -> Outcome {
        let base = max(0, segment.lowerBound - engine.overlap)
        let readLimit = segment.upperBound + engine.overlap
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 2 * engine.overlap + 1)
        return try run(buffer: buffer, eof: false, bufferBase: base, from: segment.lowerBound, to: segment.upperBound,
                       columns: prelude.columns, scratch: scratch, sink: &sink) { buf, want, position in
            guard position < readLimit else { return 0 }
            return try readAt(fd, into: &buf, max: min(want, readLimit - position), offset: position, path: path)
        }
    }

    /// The block loop shared by sequential and segment scans. `read(buffer, max, position)`
    /// appends up to `max` bytes read at absolute `position` and returns the count (0 at end).
    private func run<Sink: ScanSink>(
        buffer initial: [UInt8], eof initialEOF: Bool, bufferBase initialBase: Int = 0, from: Int, to: Int?,
        columns: ColumnContext?, scratch: ScanScratch, sink: inout Sink,
        read: (inout [UInt8], Int, Int) throws -> Int
    ) throws -> Outcome {
        let overlap = engine.overlap
        var buffer = initial
        var bufferBase = initialBase
        var eof = initialEOF
        var outcome = Outcome()
        var findings: [Finding] = []

        func fill(upTo absoluteEnd: Int) throws {
            while !eof && bufferBase + buffer.count < absoluteEnd {
                let want = min(chunkSize, absoluteEnd - (bufferBase + buffer.count))
                if try read(&buffer, max(want, 1), bufferBase + buffer.count) == 0 { eof = true }
            }
        }

        var blockStart = from
        while true {
            var blockEnd = blockStart + chunkSize
            if let to { blockEnd = min(blockEnd, to) }
            try fill(upTo: blockEnd + overlap)
            let dataEnd = bufferBase + buffer.count
            if blockStart >= dataEnd || blockStart >= (to ?? .max) { break }
            let emitEnd = min(blockEnd, dataEnd)
            let regionStart = max(bufferBase, blockStart - overlap)
            let regionEnd = min(dataEnd, blockEnd + overlap)
            findings.removeAll(keepingCapacity: true)
            buffer.withUnsafeBufferPointer { all in
                let region = UnsafeBufferPointer(rebasing: all[(regionStart - bufferBase)..<(regionEnd - bufferBase)])
                engine.scan(region, emit: (blockStart - regionStart)..<(emitEnd - regionStart), base: regionStart,
                            columns: columns, scratch: scratch, into: &findings)
                for f in findings { sink.finding(f, buffer: all, bufferBase: bufferBase) }
            }
            outcome.findings += findings.count
            blockStart = emitEnd
            // Keep `overlap` bytes before the next block; drop the rest.
            let keepFrom = max(bufferBase, blockStart - overlap)
            if keepFrom - bufferBase >= max(chunkSize, overlap) || (eof && keepFrom > bufferBase) {
                buffer.withUnsafeBufferPointer { sink.release(upTo: keepFrom, buffer: $0, bufferBase: bufferBase) }
                buffer.removeFirst(keepFrom - bufferBase)
                bufferBase = keepFrom
            }
        }
        let end = min(bufferBase + buffer.count, to ?? .max)
        outcome.bytes = end - from
        buffer.withUnsafeBufferPointer { sink.release(upTo: end, buffer: $0, bufferBase: bufferBase) }
        return outcome
    }

    /// One `pread(2)` at `offset` into the end of `buffer`; returns the byte count (0 at end).
    private func readAt(_ fd: Int32, into buffer: inout [UInt8], max: Int, offset: Int, path: String) throws -> Int {
        try appendRead(into: &buffer, max: max, path: path) { pread(fd, $0, $1, off_t(offset)) }
    }

    /// Asks the kernel for a pipe buffer of up to `bytes` (Linux `F_SETPIPE_SZ`) when `fd` is a
    /// pipe. Why: a default pipe holds 64 KiB, so a pipeline feeding standard input woke the
    /// scanner for every 64 KiB, and each read grew the block by the rest of a chunk first.
    /// Refusals (a limit in /proc/sys/fs/pipe-max-size, another OS) change nothing.
    static func widenPipe(_ fd: Int32, to bytes: Int) {
        #if os(Linux)
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFIFO else { return }
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ: Glibc's module leaves out the GNU fcntl commands
        _ = fcntl(fd, setPipeSize, Int32(clamping: min(bytes, 1 << 20)))
        #endif
    }

    /// One `read(2)` into the end of `buffer`; returns the byte count (0 at end of input).
    private func readSome(_ fd: Int32, into buffer: inout [UInt8], max: Int, path: String) throws -> Int {
        try appendRead(into: &buffer, max: max, path: path) { read(fd, $0, $1) }
    }

    /// Grows `buffer` by `max`, lets `call` fill the new space, trims what it did not fill, and
    /// retries on EINTR. A failure leaves `buffer` as it was and names the path, not the content.
    private func appendRead(into buffer: inout [UInt8], max: Int, path: String,
                            _ call: (UnsafeMutableRawPointer, Int) -> Int) throws -> Int {
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: max))
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress! + old, max) }
            if n >= 0 {
                buffer.removeLast(max - n)
                return n
            }
            if errno == EINTR { continue }
            let cause = String(cString: strerror(errno))
            buffer.removeLast(max)
            throw ScanError(.io, path: path, detail: "read failed: \(cause)")
        }
    }
}

/// Receives a scan's results, push-style (ripgrep's `Sink`): findings in order of start, and
/// `release` before the scanner drops bytes from its buffer, so a sink that copies or counts
/// bytes (apply, line numbers) sees every byte exactly once, in order, while it is still there.
public protocol ScanSink {
    /// Called once, after the binary check passed and before any finding.
    mutating func begin()
    /// A finding; `buffer[0]` is at absolute offset `bufferBase` and holds the finding's bytes.
    mutating func finding(_ f: Finding, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int)
    /// Bytes before absolute offset `upTo` are about to be dropped (at the end: the input size).
    mutating func release(upTo: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int)
}

extension ScanSink {
    public mutating func begin() {}
    public mutating func release(upTo: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {}
}

struct ClosureSink: ScanSink {
    let onFinding: (Finding, UnsafeBufferPointer<UInt8>, Int) -> Void
    mutating func finding(_ f: Finding, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) { onFinding(f, buffer, bufferBase) }
}

/// Tracks 1-based line and column (in bytes) of absolute offsets, by counting newlines as the
/// bytes pass. Use inside a sink: `advance` before `release` drops bytes.
public struct LineCounter: Sendable {
    public private(set) var line = 1
    public private(set) var lineStart = 0
    private var cursor = 0

    public init() {}

    /// A counter for a segment starting at `offset`, whose line there is called line 1.
    public init(startingAt offset: Int) {
        lineStart = offset
        cursor = offset
    }

    /// Counts newlines up to `offset` (which must be >= every earlier offset and in `buffer`).
    public mutating func advance(to offset: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        guard offset > cursor else { return }
        let from = max(cursor, bufferBase) - bufferBase
        let to = offset - bufferBase
        guard let base = buffer.baseAddress else { return }
        var i = from
        // memchr runs at memory speed; a byte loop here would cost more than the scan.
        while i < to, let hit = memchr(base + i, 0x0A, to - i) {
            let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            line += 1
            lineStart = bufferBase + at + 1
            i = at + 1
        }
        cursor = offset
    }

    /// Column (1-based, in bytes) of the current cursor.
    public var column: Int { cursor - lineStart + 1 }
}
