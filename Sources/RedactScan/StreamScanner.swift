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

    /// Whether regular files are read through a sliding memory map (`MappedSource`) instead
    /// of `read(2)`. Off by default: a file that shrinks while mapped raises SIGBUS, which only
    /// a process that handles it (the `redact` command) should risk.
    public var mapFiles: Bool
    /// Bytes a map covers at a time (at least two blocks with their overlaps).
    public var mapWindow: Int

    public init(engine: ScanEngine, chunkSize: Int = 1 << 20, scanBinary: Bool = false,
                mapFiles: Bool = false, mapWindow: Int = 8 << 20) {
        self.engine = engine
        self.chunkSize = max(1, chunkSize)
        self.scanBinary = scanBinary
        self.mapFiles = mapFiles
        self.mapWindow = mapWindow
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
        if let size = mappableSize(fd) {
            let source = MappedSource(fd: fd, path: path, window: mapSpan, limit: size)
            // A file system that cannot map (some network and FUSE mounts) is read instead.
            if (try? source.fill(upTo: Self.binaryProbe)) != nil {
                return try scan(source, path: path, scratch: scratch, sink: &sink)
            }
        }
        Self.widenPipe(fd, to: chunkSize)
        return try scan(ReadSource(fd: fd, path: path, chunk: chunkSize, capacity: bufferCapacity),
                        path: path, scratch: scratch, sink: &sink)
    }

    /// The binary check and header row from the first bytes, then the block loop.
    private func scan<Sink: ScanSink>(_ source: some BlockSource, path: String, scratch: ScanScratch, sink: inout Sink) throws -> Outcome {
        try source.fill(upTo: Self.binaryProbe)
        let probe = UnsafeBufferPointer(rebasing: source.bytes.prefix(Self.binaryProbe))
        if !scanBinary && probe.contains(0) {
            var outcome = Outcome()
            outcome.skippedBinary = true
            return outcome
        }
        let columns = ColumnContext.fromHeader(path: path, prefix: probe)
        sink.begin()
        return try run(source, from: 0, to: nil, columns: columns, scratch: scratch, sink: &sink)
    }

    /// What must be known about a whole file before its segments are scanned in parallel.
    public struct Prelude: Sendable {
        public var binary: Bool
        public var columns: ColumnContext?
    }

    /// Reads the start of a regular file (positionally) for the binary check and header row.
    public func prelude(fd: Int32, path: String) throws -> Prelude {
        let source = ReadSource(fd: fd, path: path, chunk: Self.binaryProbe, capacity: Self.binaryProbe,
                                positional: true, limit: Self.binaryProbe)
        try source.fill(upTo: Self.binaryProbe)
        let columns = ColumnContext.fromHeader(path: path, prefix: source.bytes)
        return Prelude(binary: !scanBinary && source.bytes.contains(0), columns: columns)
    }

    /// Scans the findings that start in `segment` of a regular file, reading positionally
    /// (`pread`, or a map of its own), so several workers can scan one file at once. Bytes within
    /// `engine.overlap` of the segment are read too, so the findings are exactly those a
    /// whole-file scan reports in that range.
    public func scanSegment<Sink: ScanSink>(
        fd: Int32, path: String, segment: Range<Int>, prelude: Prelude, scratch: ScanScratch, sink: inout Sink
    ) throws -> Outcome {
        let base = max(0, segment.lowerBound - engine.overlap)
        let readLimit = segment.upperBound + engine.overlap
        if let size = mappableSize(fd) {
            let source = MappedSource(fd: fd, path: path, window: mapSpan, base: base, limit: min(size, readLimit))
            // The first block only (filling to the segment's end would map all of it at once).
            if (try? source.fill(upTo: min(segment.upperBound, segment.lowerBound + chunkSize))) != nil {
                return try run(source, from: segment.lowerBound, to: segment.upperBound,
                               columns: prelude.columns, scratch: scratch, sink: &sink)
            }
        }
        let source = ReadSource(fd: fd, path: path, chunk: chunkSize, capacity: bufferCapacity,
                                positional: true, base: base, limit: readLimit)
        return try run(source, from: segment.lowerBound, to: segment.upperBound,
                       columns: prelude.columns, scratch: scratch, sink: &sink)
    }

    /// A block and its two overlaps (and a byte), what a read buffer settles at.
    private var bufferCapacity: Int { chunkSize + 2 * engine.overlap + 1 }

    /// The map window: at least two blocks with their overlaps, so a remap is rare.
    private var mapSpan: Int { max(mapWindow, 2 * bufferCapacity) }

    /// The size of `fd` when it should be mapped: a regular file of at least one byte (`/proc`
    /// files say 0 and are read instead), with `mapFiles` on.
    private func mappableSize(_ fd: Int32) -> Int? {
        guard mapFiles else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0 else { return nil }
        return Int(st.st_size)
    }

    /// The block loop shared by whole-input and segment scans: each block of `chunkSize` bytes
    /// from `from` (to `to`, or the end) is scanned with `overlap` bytes either side.
    private func run<Sink: ScanSink>(
        _ source: some BlockSource, from: Int, to: Int?,
        columns: ColumnContext?, scratch: ScanScratch, sink: inout Sink
    ) throws -> Outcome {
        let overlap = engine.overlap
        var outcome = Outcome()
        var findings: [Finding] = []

        var blockStart = from
        while true {
            var blockEnd = blockStart + chunkSize
            if let to { blockEnd = min(blockEnd, to) }
            try source.fill(upTo: blockEnd + overlap)
            let all = source.bytes
            let bufferBase = source.base
            let dataEnd = bufferBase + all.count
            if blockStart >= dataEnd || blockStart >= (to ?? .max) { break }
            let emitEnd = min(blockEnd, dataEnd)
            let regionStart = max(bufferBase, blockStart - overlap)
            let regionEnd = min(dataEnd, blockEnd + overlap)
            findings.removeAll(keepingCapacity: true)
            let region = UnsafeBufferPointer(rebasing: all[(regionStart - bufferBase)..<(regionEnd - bufferBase)])
            engine.scan(region, emit: (blockStart - regionStart)..<(emitEnd - regionStart), base: regionStart,
                        columns: columns, scratch: scratch, into: &findings)
            for f in findings { sink.finding(f, buffer: all, bufferBase: bufferBase) }
            outcome.findings += findings.count
            blockStart = emitEnd
            // Keep `overlap` bytes before the next block; drop the rest.
            let keepFrom = max(bufferBase, blockStart - overlap)
            if keepFrom - bufferBase >= max(chunkSize, overlap) || (source.eof && keepFrom > bufferBase) {
                sink.release(upTo: keepFrom, buffer: all, bufferBase: bufferBase)
                source.drop(before: keepFrom)
            }
        }
        let all = source.bytes
        let end = min(source.base + all.count, to ?? .max)
        outcome.bytes = end - from
        sink.release(upTo: end, buffer: all, bufferBase: source.base)
        return outcome
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
