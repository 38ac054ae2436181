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
public struct StreamScanner {
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

    /// Reads `fd` to its end and calls `onFinding` for each finding, in order of start, with
    /// absolute byte offsets. `onBlock` is called with each block's bytes before the findings
    /// in it are reported (line counting, progress); it may ignore them.
    public func scan(
        fd: Int32, path: String, scratch: ScanScratch,
        onFinding: (Finding, _ buffer: UnsafeBufferPointer<UInt8>, _ bufferBase: Int) -> Void
    ) throws -> Outcome {
        let overlap = engine.overlap
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 2 * overlap + 1)
        var bufferBase = 0  // absolute offset of buffer[0]
        var eof = false
        var outcome = Outcome()
        var findings: [Finding] = []

        func fill(upTo absoluteEnd: Int) throws {
            while !eof && bufferBase + buffer.count < absoluteEnd {
                let want = min(chunkSize, absoluteEnd - (bufferBase + buffer.count))
                let got = try readSome(fd, into: &buffer, max: max(want, 1), path: path)
                if got == 0 { eof = true }
            }
        }

        try fill(upTo: Self.binaryProbe)
        if !scanBinary && buffer.prefix(Self.binaryProbe).contains(0) {
            outcome.skippedBinary = true
            return outcome
        }

        var blockStart = 0
        while true {
            let blockEnd = blockStart + chunkSize
            try fill(upTo: blockEnd + overlap)
            let dataEnd = bufferBase + buffer.count
            if blockStart >= dataEnd { break }
            let emitEnd = min(blockEnd, dataEnd)
            let regionStart = max(bufferBase, blockStart - overlap)
            let regionEnd = min(dataEnd, blockEnd + overlap)
            findings.removeAll(keepingCapacity: true)
            buffer.withUnsafeBufferPointer { all in
                let region = UnsafeBufferPointer(rebasing: all[(regionStart - bufferBase)..<(regionEnd - bufferBase)])
                engine.scan(region, emit: (blockStart - regionStart)..<(emitEnd - regionStart), base: regionStart,
                            scratch: scratch, into: &findings)
                for f in findings { onFinding(f, all, bufferBase) }
            }
            outcome.findings += findings.count
            blockStart = emitEnd
            // Keep `overlap` bytes before the next block; drop the rest.
            let keepFrom = max(bufferBase, blockStart - overlap)
            if keepFrom - bufferBase >= max(chunkSize, overlap) || (eof && keepFrom > bufferBase) {
                buffer.removeFirst(keepFrom - bufferBase)
                bufferBase = keepFrom
            }
        }
        outcome.bytes = bufferBase + buffer.count
        return outcome
    }

    /// One `read(2)` into the end of `buffer`; returns the byte count (0 at end of input).
    private func readSome(_ fd: Int32, into buffer: inout [UInt8], max: Int, path: String) throws -> Int {
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: max))
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress! + old, max) }
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
