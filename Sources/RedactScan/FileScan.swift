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
    public var findings: [LocatedFinding] = []
    public var bytes = 0
    public var skippedBinary = false
    public var error: ScanError? = nil
}

/// Collects findings with line numbers (and text, on request).
struct CollectingSink: ScanSink {
    var lines = LineCounter()
    let withLines: Bool
    let withText: Bool
    let progress: ProgressCounter?
    var reported = 0
    var found: [LocatedFinding] = []

    mutating func finding(_ f: Finding, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        if withLines { lines.advance(to: f.start, buffer: buffer, bufferBase: bufferBase) }
        let text = withText ? Array(buffer[(f.start - bufferBase)..<(f.end - bufferBase)]) : nil
        found.append(LocatedFinding(finding: f, line: withLines ? lines.line : 0, column: withLines ? lines.column : 0, text: text))
    }

    mutating func release(upTo: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        if withLines { lines.advance(to: upTo, buffer: buffer, bufferBase: bufferBase) }
        progress?.add(upTo - reported)
        reported = upTo
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
    /// Opens, scans and closes one input. Never throws: errors are in the result.
    public func scanFile(_ input: Input, scratch: ScanScratch, withLines: Bool = true, withText: Bool = false, progress: ProgressCounter? = nil) -> FileScanResult {
        var result = FileScanResult(input: input)
        do {
            let fd = try openInput(input)
            defer { if !input.isStandardInput { close(fd) } }
            var sink = CollectingSink(withLines: withLines, withText: withText, progress: progress)
            let outcome = try scan(fd: fd, path: input.path, scratch: scratch, sink: &sink)
            result.findings = sink.found
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
