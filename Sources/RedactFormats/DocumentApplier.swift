import Foundation
import RedactApply
import RedactCore
import RedactScan

/// `apply` for document formats: the redacted copy and its manifest, both written atomically,
/// the original never modified. Like `Applier` for plain text, with the format's redactions
/// (locators and fields) in the manifest. A document that fails part-way (malformed JSON, a
/// limit) leaves nothing behind, on standard output too: the copy is made in a temporary file
/// and only then written out.
public struct DocumentApplier: Sendable {
    public let runner: FormatRunner
    public let finder: EngineTextFinder
    public let toolVersion: String
    public let overwrite: Bool
    /// Asked about each finding before its mark is written (a sharing profile, an operator's
    /// keep decisions); a kept finding is listed with style `keep`. Nil redacts every finding.
    public var judge: SpanJudge? = nil
    /// Where the copy goes instead when it must be held for review (see `Applier.holdPath`).
    public var holdPath: (@Sendable (Manifest, String) -> String?)? = nil
    /// Writes `NAME.schedule.csv` beside each copy; nil writes none.
    public var schedule: ScheduleWriter? = nil

    public init(runner: FormatRunner, finder: EngineTextFinder, toolVersion: String, overwrite: Bool) {
        self.runner = runner
        self.finder = finder
        self.toolVersion = toolVersion
        self.overwrite = overwrite
    }

    /// Writes `outputPath` and `outputPath.manifest.json`.
    public func apply(_ input: Input, format: any DocumentFormat, outputPath: String) -> Result<ApplyOutcome, Applier.Failure> {
        if format is PDFFormat { return .failure(Applier.Failure(path: input.path, cause: PDFFormat.refusal)) }
        let manifestPath = outputPath + ".manifest.json"
        if !input.isStandardInput, sameFile(input.path, outputPath) {
            return .failure(Applier.Failure(path: input.path, cause: "the output would replace the original; choose another --out folder"))
        }
        let parent = (outputPath as NSString).deletingLastPathComponent
        if !parent.isEmpty { try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        let output: AtomicFile
        do {
            output = try AtomicFile(path: outputPath, overwrite: overwrite)
            if !overwrite && access(manifestPath, F_OK) == 0 {
                output.abort()
                return .failure(Applier.Failure(path: manifestPath, cause: "output exists (use --force to overwrite)"))
            }
        } catch {
            return .failure(failure(error, path: outputPath))
        }
        let result = redact(input, format: format, into: output.fd, outputName: (outputPath as NSString).lastPathComponent)
        guard case .success(var outcome) = result else {
            output.abort()
            return result
        }
        // A held copy goes straight to the hold folder: it never appears at its release path.
        var target = outputPath
        if let holdPath, let heldPath = holdPath(outcome.manifest!, outputPath) {
            target = heldPath
            outcome.held = true
            try? FileManager.default.createDirectory(atPath: (heldPath as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            if !overwrite && access(heldPath + ".manifest.json", F_OK) == 0 {
                output.abort()
                return .failure(Applier.Failure(path: heldPath + ".manifest.json", cause: "output exists (use --force to overwrite)"))
            }
        }
        do {
            try output.commit(overwrite: overwrite, to: target)
            try Applier.writeManifest(outcome.manifest!, to: target + ".manifest.json")
        } catch {
            return .failure(failure(error, path: outputPath))
        }
        if let schedule {
            do { try schedule.write(outcome.manifest!, redactedPath: target) } catch {
                // The recipient's schedule belongs with the copy: no copy without it.
                Applier.withdraw(outputPath: target)
                return .failure(Applier.Failure(path: target + ScheduleWriter.suffix, cause: "\(error)"))
            }
        }
        outcome.outputPath = target
        return .success(outcome)
    }

    /// The redacted copy on standard output (only once it is complete); the manifest to
    /// `manifestPath` if given.
    public func applyToStandardOutput(_ input: Input, format: any DocumentFormat, manifestPath: String?) -> Result<ApplyOutcome, Applier.Failure> {
        if format is PDFFormat { return .failure(Applier.Failure(path: input.path, cause: PDFFormat.refusal)) }
        let temporary: AtomicFile
        do { temporary = try AtomicFile(path: NSTemporaryDirectory() + "/redact-stdout-\(getpid())", overwrite: true) } catch {
            return .failure(failure(error, path: "-"))
        }
        defer { temporary.abort() }
        let result = redact(input, format: format, into: temporary.fd, outputName: "-")
        guard case .success(let outcome) = result else { return result }
        // Copy the finished copy to standard output.
        lseek(temporary.fd, 0, SEEK_SET)
        var block = [UInt8](repeating: 0, count: 1 << 16)
        let writer = OutputWriter(fd: 1)
        while true {
            let n = block.withUnsafeMutableBytes { read(temporary.fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            block.withUnsafeBufferPointer { writer.write(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
        writer.flush()
        if let code = writer.error {
            return .failure(Applier.Failure(path: "-", cause: "cannot write the redacted copy: \(String(cString: strerror(code)))"))
        }
        if let manifestPath, let manifest = outcome.manifest {
            do { try Applier.writeManifest(manifest, to: manifestPath) } catch { return .failure(failure(error, path: manifestPath)) }
        }
        return .success(outcome)
    }

    private func redact(_ input: Input, format: any DocumentFormat, into fd: Int32, outputName: String) -> Result<ApplyOutcome, Applier.Failure> {
        let writer = OutputWriter(fd: fd)
        let done: DocumentRedaction
        do {
            done = try runner.redact(input, format: format, finder: finder, judge: judge) { writer.write($0) }
        } catch {
            return .failure(failure(error, path: input.path))
        }
        writer.flush()
        if let code = writer.error {
            return .failure(Applier.Failure(path: outputName, cause: "cannot write the redacted copy: \(String(cString: strerror(code)))"))
        }
        let style = finder.styleName
        var counts: [String: Int] = [:]
        let entries = done.redactions.map { r -> RedactionEntry in
            let s = r.original.span
            if !r.kept { counts[s.category.rawValue, default: 0] += 1 }
            return RedactionEntry(category: s.category.rawValue, rule: s.rule, style: r.kept ? Self.keepStyle : style,
                                  original: ByteRange(start: s.start, end: s.end),
                                  output: ByteRange(start: r.outputStart, end: r.outputEnd),
                                  role: s.role, justification: r.justification, locator: r.original.locator, field: r.original.field)
        }
        let table = finder.engine.table
        let manifest = Manifest(
            toolVersion: toolVersion, pack: table.packName, packVersion: table.packVersion,
            source: input.path, output: outputName, style: style,
            sha256Original: done.sha256Original, sha256Redacted: done.sha256Redacted,
            bytesOriginal: done.bytesOriginal, bytesRedacted: done.bytesRedacted,
            counts: counts, redactions: entries, format: format.id)
        return .success(ApplyOutcome(input: input, manifest: manifest, valueHMACs: finder.valueKey == nil ? [] : done.redactions.map { $0.valueHMAC ?? "" }))
    }

    /// The manifest style of a finding left in the copy (as for plain text with a profile).
    public static let keepStyle = "keep"

    private func failure(_ error: Error, path: String) -> Applier.Failure {
        switch error {
        case let e as FormatError: return Applier.Failure(path: e.part.map { e.path + "!" + $0 } ?? e.path, cause: e.reason)
        case let e as AtomicFile.Failure: return Applier.Failure(path: e.path, cause: e.cause)
        case let e as Applier.Failure: return e
        default: return Applier.Failure(path: path, cause: "\(error)")
        }
    }

    private func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
