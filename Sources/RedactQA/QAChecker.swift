import Foundation
import RedactApply
import RedactCore
import RedactScan

/// The QA second check of one redacted copy against its original and its manifest.
///
/// Three checks, each streaming, so memory stays flat whatever the files' sizes:
/// - (a) **nothing left**: the same scanner `apply` used finds nothing in the copy, apart from
///   findings that lie inside the marks (``LeftoverRule``; only spans that (c) confirmed count
///   as marks) and findings that only the redaction's moved context made (``ShiftedContext``);
/// - (b) **nothing else changed**: every byte outside the manifest's spans equals the original,
///   and the manifest's digests and sizes match both files;
/// - (c) **every span redacted**: each span's output is a mark of its style and not the
///   original value (``MarkCheck``); a span kept by decision holds the original unchanged.
///
/// ```swift
/// let checker = QAChecker(scanner: factory.setup.streamScanner(engine: engine))
/// let report = try checker.check(original: "mg11.txt", redacted: "out/mg11.txt",
///                                manifest: "out/mg11.txt.manifest.json", scratch: engine.makeScratch())
/// ```
public struct QAChecker: Sendable {
    public let scanner: StreamScanner
    /// Problems listed in the report (all are counted).
    public var maxListed = 200
    /// Include the matched text of findings left (`--show-text`); off by default.
    public var showText = false

    public init(scanner: StreamScanner) {
        self.scanner = scanner
    }

    /// Runs every check. - Throws: ``QAError`` when a file or the manifest cannot be used at all.
    public func check(original: String, redacted: String, manifest manifestPath: String,
                      scratch: ScanScratch) throws(QAError) -> QAReport {
        let manifest = try ManifestLoader.load(manifestPath)
        var report = QAReport(originalPath: original, redactedPath: redacted, manifestPath: manifestPath)
        report.spans = manifest.redactions.count
        let problem = ManifestLoader.inconsistency(manifest)
        if let problem {
            let e = manifest.redactions[problem.span]
            report.add(QAProblem(check: .manifest, detail: problem.detail, outputStart: e.output.start, outputEnd: e.output.end,
                                 originalStart: e.original.start, originalEnd: e.original.end, category: e.category,
                                 rule: e.rule, span: problem.span), limit: maxListed)
        }

        // (b) and (c), with both digests.
        let originalFD = try Self.open(original), redactedFD = try Self.open(redacted)
        defer { close(originalFD); close(redactedFD) }
        let walk = ByteWalk(original: BlockReader(fd: originalFD, path: original, blockSize: scanner.chunkSize),
                            redacted: BlockReader(fd: redactedFD, path: redacted, blockSize: scanner.chunkSize),
                            limit: maxListed)
        let verified = try walk.run(manifest, consistent: problem == nil, into: &report)
        for (name, want, got) in [("sha256-original", manifest.sha256Original.lowercased(), report.originalSHA256),
                                  ("sha256-redacted", manifest.sha256Redacted.lowercased(), report.redactedSHA256),
                                  ("bytes-original", String(manifest.bytesOriginal), String(report.bytesOriginal)),
                                  ("bytes-redacted", String(manifest.bytesRedacted), String(report.bytesRedacted))] where want != got {
            report.add(QAProblem(check: .manifest, detail: name), limit: maxListed)
        }

        // (a): what the scanner finds in the original (to tell personal data left from findings
        // the redaction's moved context made; see ShiftedContext), then in the copy.
        let originalFindings = try findings(in: original, scratch: scratch)
        let shifted = ShiftedContext(manifest: manifest, consistent: problem == nil, originalFindings: originalFindings,
                                     originalFD: originalFD)
        let scanFD = try Self.open(redacted)
        defer { close(scanFD) }
        // Only spans confirmed to hold a proper mark excuse a finding: a stale or damaged span
        // must not hide the value it was meant to cover.
        let spans = manifest.redactions.indices.filter(verified.contains).map {
            manifest.redactions[$0].output.start..<manifest.redactions[$0].output.end
        }.sorted { $0.lowerBound < $1.lowerBound }
        var sink = LeftoverSink(table: scanner.engine.table, spans: spans, shifted: shifted, limit: maxListed,
                                showText: showText, report: report)
        let outcome: StreamScanner.Outcome
        do {
            outcome = try scanner.scan(fd: scanFD, path: redacted, scratch: scratch, sink: &sink)
        } catch let e as ScanError {
            throw QAError(.unreadable, path: e.path, detail: e.detail)
        } catch {
            throw QAError(.unreadable, path: redacted, detail: "cannot scan")
        }
        if outcome.skippedBinary {
            throw QAError(.binary, path: redacted, detail: "looks binary (a NUL byte near the start); use --binary to check it")
        }
        return sink.report
    }

    /// The ranges of the scanner's findings in `path`, in order.
    func findings(in path: String, scratch: ScanScratch) throws(QAError) -> [Range<Int>] {
        let fd = try Self.open(path)
        defer { close(fd) }
        var found: [Range<Int>] = []
        let outcome: StreamScanner.Outcome
        do {
            outcome = try scanner.scan(fd: fd, path: path, scratch: scratch) { f, _, _ in found.append(f.start..<f.end) }
        } catch let e as ScanError {
            throw QAError(.unreadable, path: e.path, detail: e.detail)
        } catch {
            throw QAError(.unreadable, path: path, detail: "cannot scan")
        }
        if outcome.skippedBinary {
            throw QAError(.binary, path: path, detail: "looks binary (a NUL byte near the start); use --binary to check it")
        }
        return found
    }

    static func open(_ path: String) throws(QAError) -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw QAError(.unreadable, path: path, detail: "cannot open: \(String(cString: strerror(errno)))") }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            Glibc.close(fd)
            throw QAError(.unreadable, path: path, detail: "is a directory")
        }
        return fd
    }
}

/// Check (a) as a scan sink: classifies each finding in the copy as it streams past, keeping
/// line numbers, and records those that are not inside the marks.
struct LeftoverSink: ScanSink {
    let table: RuleTable
    /// The manifest's output ranges, sorted by start.
    let spans: [Range<Int>]
    let shifted: ShiftedContext
    let limit: Int
    let showText: Bool
    var report: QAReport
    var lines = LineCounter()
    /// Spans ending at or before this index's start no longer matter (findings come in order).
    var first = 0

    mutating func finding(_ f: Finding, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        lines.advance(to: f.start, buffer: buffer, bufferBase: bufferBase)
        while first < spans.count && spans[first].upperBound <= f.start { first += 1 }
        var last = first
        while last < spans.count && spans[last].lowerBound < f.end { last += 1 }
        let bytes = UnsafeBufferPointer(rebasing: buffer[(f.start - bufferBase)..<(f.end - bufferBase)])
        if LeftoverRule.insideMarks(bytes, start: f.start, spans: spans[first..<last]) {
            report.findingsInsideMarks += 1
            return
        }
        if first == last && shifted.isArtefact(bytes, start: f.start) {
            report.findingsFromShiftedContext += 1
            return
        }
        let rule = table[f.rule]
        report.add(QAProblem(check: .findingLeft, detail: "found", outputStart: f.start, outputEnd: f.end, line: lines.line,
                             column: lines.column, category: rule.category.rawValue, rule: rule.id,
                             text: showText ? String(decoding: bytes, as: UTF8.self) : nil), limit: limit)
    }

    mutating func release(upTo: Int, buffer: UnsafeBufferPointer<UInt8>, bufferBase: Int) {
        lines.advance(to: upTo, buffer: buffer, bufferBase: bufferBase)
    }
}
