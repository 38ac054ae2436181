import Foundation
import RedactCore

/// A finding with what a report needs besides offsets: its line and column, and (only when the
/// user asked to see matched text) its bytes.
public struct LocatedFinding: Sendable {
    public var finding: Finding
    public var line: Int
    public var column: Int
    public var text: [UInt8]?
}

/// The result of scanning one input: findings, or the error that stopped it.
public struct FileScanResult: Sendable {
    public var input: Input
    /// The findings, when the caller asked to keep them (not when it counts or streams them).
    public var findings: [LocatedFinding] = []
    /// Findings per rule index (every finding counts, kept or not).
    public var ruleCounts: [Int] = []
    public var findingCount: Int { ruleCounts.reduce(0, +) }
    public var bytes = 0
    public var skippedBinary = false
    public var error: ScanError? = nil
}

/// Collects findings with line numbers (and text, on request).
struct CollectingSink: ScanSink {
    var lines: LineCounter
    let withLines: Bool
    let withText: Bool
    let progress: ProgressCounter?
    /// Sees every byte of the input once, in order (a streaming digest for the log).
    var observer: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil
    var reported = 0
    /// Keep findings in `found` (memory grows with their number), else only count them.
    var keep = true
    /// Hand each finding over as it is found, in order, instead of keeping it.
    var onFinding: ((LocatedFinding) -> Void)? = nil
    var found: [LocatedFinding] = []
    var ruleCounts: [Int] = []

    mutating func finding(_ f: Finding, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        let r = Int(f.rule)
        if r >= ruleCounts.count { ruleCounts += Array(repeating: 0, count: r + 1 - ruleCounts.count) }
        ruleCounts[r] += 1
        guard keep || onFinding != nil else { return }
        if withLines { lines.advance(to: f.start, buffer: buffer, bufferBase: bufferBase) }
        let text = withText ? Array(buffer[(f.start - bufferBase)..<(f.end - bufferBase)]) : nil
        let located = LocatedFinding(finding: f, line: withLines ? lines.line : 0, column: withLines ? lines.column : 0, text: text)
        if let onFinding { onFinding(located) } else { found.append(located) }
    }

    mutating func release(upTo: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        if withLines { lines.advance(to: upTo, buffer: buffer, bufferBase: bufferBase) }
        if let observer, upTo > reported {
            observer(UnsafeBufferPointer(rebasing: buffer[(reported - bufferBase)..<(upTo - bufferBase)]))
        }
        progress?.add(upTo - reported)
        reported = upTo
    }
}

extension StreamScanner {
    /// Segments are at most this long, so the findings held for the in-order merge stay bounded
    /// (about `workers` segments' worth) however large the file.
    static let maxSegment = 32 << 20

    /// Scans a regular file as segments in parallel and merges them in order, fixing up line
    /// numbers from each segment's newline count.
    func scanSegments(_ input: Input, fd: Int32, size: Int, workers: Int, withLines: Bool, withText: Bool,
                      progress: ProgressCounter?, keep: Bool, onFinding: ((LocatedFinding) -> Void)?) throws -> FileScanResult {
        var result = FileScanResult(input: input)
        let prelude = try prelude(fd: fd, path: input.path)
        if prelude.binary {
            result.skippedBinary = true
            return result
        }
        let count = max(workers * 2, (size + Self.maxSegment - 1) / Self.maxSegment)
        let step = (size + count - 1) / count
        let segments = stride(from: 0, to: size, by: step).map { $0..<min(size, $0 + step) }
        var lineOffset = 0          // newlines before the current segment
        var lastNewline = -1        // absolute offset of the last newline before it
        var failure: ScanError?
        orderedParallel(count: segments.count, workers: workers) { i -> Result<CollectingSink, ScanError> in
            var sink = CollectingSink(lines: LineCounter(startingAt: segments[i].lowerBound), withLines: withLines,
                                      withText: withText, progress: progress)
            sink.keep = keep || onFinding != nil
            do {
                _ = try scanSegment(fd: fd, path: input.path, segment: segments[i], prelude: prelude,
                                    scratch: engine.makeScratch(), sink: &sink)
            } catch let e as ScanError {
                return .failure(e)
            } catch {
                return .failure(ScanError(.io, path: input.path, detail: "\(error)"))
            }
            return .success(sink)
        } deliver: { i, outcome in
            switch outcome {
            case .failure(let e): failure = failure ?? e
            case .success(let sink):
                for var f in sink.found {
                    if withLines {
                        if f.line == 1 { f.column = f.finding.start - lastNewline }
                        f.line += lineOffset
                    }
                    if let onFinding { onFinding(f) } else { result.findings.append(f) }
                }
                for (r, n) in sink.ruleCounts.enumerated() {
                    if r >= result.ruleCounts.count { result.ruleCounts += Array(repeating: 0, count: r + 1 - result.ruleCounts.count) }
                    result.ruleCounts[r] += n
                }
                if withLines && sink.lines.line > 1 { lastNewline = sink.lines.lineStart - 1 }
                lineOffset += sink.lines.line - 1
            }
        }
        if let failure { throw failure }
        result.bytes = size
        return result
    }
}

/// Bytes done so far across workers, for a progress bar.
public final class ProgressCounter: @unchecked Sendable {
    private var done = 0
    private let lock = NSLock()
    public init() {}
    public func add(_ n: Int) {
        lock.lock()
        done += n
        lock.unlock()
    }
    public var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return done
    }
}

extension StreamScanner {
    /// Regular files at least this large are split across workers when workers are spare.
    public static let segmentThreshold = 16 << 20

    /// Opens, scans and closes one input. Never throws: errors are in the result. With
    /// `workers` > 1, a large regular file is scanned in segments on that many threads.
    public func scanFile(_ input: Input, scratch: ScanScratch, withLines: Bool = true, withText: Bool = false,
                         progress: ProgressCounter? = nil, workers: Int = 1,
                         observer: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil, keep: Bool = true,
                         onFinding: ((LocatedFinding) -> Void)? = nil) -> FileScanResult {
        var result = FileScanResult(input: input)
        do {
            let fd = try openInput(input)
            defer { if !input.isStandardInput { close(fd) } }
            var st = stat()
            if workers > 1, observer == nil, !input.isStandardInput, fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
               Int(st.st_size) >= max(Self.segmentThreshold, 2 * chunkSize) {
                return try scanSegments(input, fd: fd, size: Int(st.st_size), workers: workers,
                                        withLines: withLines, withText: withText, progress: progress,
                                        keep: keep, onFinding: onFinding)
            }
            var sink = CollectingSink(lines: LineCounter(), withLines: withLines, withText: withText, progress: progress)
            sink.observer = observer
            sink.keep = keep
            sink.onFinding = onFinding
            let outcome = try scan(fd: fd, path: input.path, scratch: scratch, sink: &sink)
            result.findings = sink.found
            result.ruleCounts = sink.ruleCounts
            result.bytes = outcome.bytes
            result.skippedBinary = outcome.skippedBinary
        } catch let e as ScanError {
            result.error = e
        } catch {
            result.error = ScanError(.io, path: input.path, detail: "\(error)")
        }
        return result
    }
}

/// A pool of per-worker scratch space, so parallel workers reuse PCRE2 match data and buffers.
public final class ScratchPool: @unchecked Sendable {
    private let engine: ScanEngine
    private var free: [ScanScratch] = []
    private let lock = NSLock()

    public init(engine: ScanEngine) { self.engine = engine }

    public func withScratch<R>(_ body: (ScanScratch) -> R) -> R {
        lock.lock()
        let scratch = free.popLast() ?? engine.makeScratch()
        lock.unlock()
        defer {
            lock.lock()
            free.append(scratch)
            lock.unlock()
        }
        return body(scratch)
    }
}
