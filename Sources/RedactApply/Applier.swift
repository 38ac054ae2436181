import Foundation
import RedactCore
import RedactScan

/// What applying redaction to one input produced.
public struct ApplyOutcome: Sendable {
    public var input: Input
    public var outputPath: String?
    public var manifest: Manifest?
    public var skippedBinary = false
    /// HMACs of the redacted values (with `valueKey`), parallel to `manifest.redactions`.
    public var valueHMACs: [String] = []
    /// The copy was written under the hold folder for review instead of being released.
    public var held = false

    public init(input: Input, outputPath: String? = nil, manifest: Manifest? = nil, skippedBinary: Bool = false, valueHMACs: [String] = []) {
        self.input = input
        self.outputPath = outputPath
        self.manifest = manifest
        self.skippedBinary = skippedBinary
        self.valueHMACs = valueHMACs
    }
}

/// Redacts one input into a redacted copy plus manifest, both written atomically.
public struct Applier: Sendable {
    public let scanner: StreamScanner
    public let replacer: Replacer
    public let toolVersion: String
    public let overwrite: Bool
    /// Key for the HMACs of redacted values kept in the log (`--value-hmac-key`).
    public var valueKey: [UInt8]? = nil
    /// Redact or keep each finding, and why (see ``SpanDecider``); nil redacts every finding.
    public var decide: SpanDecider? = nil
    /// Given the manifest and the output path, where the copy goes instead when it must be held
    /// for review (nil: release it at the output path). Decided after the scan, before anything
    /// is committed, so a held copy never appears at its release path, not even for a moment.
    public var holdPath: (@Sendable (Manifest, String) -> String?)? = nil
    /// Writes `NAME.schedule.csv` beside each copy (see ``ScheduleWriter``); nil writes none.
    public var schedule: ScheduleWriter? = ScheduleWriter()

    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let cause: String
        public var description: String { "\(path): \(cause)" }
        public init(path: String, cause: String) {
            self.path = path
            self.cause = cause
        }
    }

    public init(scanner: StreamScanner, replacer: Replacer, toolVersion: String, overwrite: Bool) {
        self.scanner = scanner
        self.replacer = replacer
        self.toolVersion = toolVersion
        self.overwrite = overwrite
    }

    /// Writes `outputPath` and `outputPath.manifest.json`. The original is never modified.
    public func apply(_ input: Input, outputPath: String, scratch: ScanScratch) -> Result<ApplyOutcome, Failure> {
        if !input.isStandardInput, sameFile(input.path, outputPath) {
            return .failure(Failure(path: input.path, cause: "the output would replace the original; choose another --out folder"))
        }
        let manifestPath = outputPath + ".manifest.json"
        let parent = (outputPath as NSString).deletingLastPathComponent
        if !parent.isEmpty { try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        let output: AtomicFile
        do {
            output = try AtomicFile(path: outputPath, overwrite: overwrite)
            if !overwrite && access(manifestPath, F_OK) == 0 {
                output.abort()
                return .failure(Failure(path: manifestPath, cause: "output exists (use --force to overwrite)"))
            }
        } catch let e as AtomicFile.Failure {
            return .failure(Failure(path: e.path, cause: e.cause))
        } catch {
            return .failure(Failure(path: outputPath, cause: "\(error)"))
        }
        switch redact(input, into: output.fd, outputName: (outputPath as NSString).lastPathComponent, scratch: scratch) {
        case .failure(let f):
            output.abort()
            return .failure(f)
        case .success(var outcome):
            if outcome.skippedBinary {
                output.abort()
                return .success(outcome)
            }
            var target = outputPath
            if let holdPath, let heldPath = holdPath(outcome.manifest!, outputPath) {
                target = heldPath
                outcome.held = true
                try? FileManager.default.createDirectory(atPath: (heldPath as NSString).deletingLastPathComponent,
                                                         withIntermediateDirectories: true)
                if !overwrite && access(heldPath + ".manifest.json", F_OK) == 0 {
                    output.abort()
                    return .failure(Failure(path: heldPath + ".manifest.json", cause: "output exists (use --force to overwrite)"))
                }
            }
            do {
                try output.commit(overwrite: overwrite, to: target)
                try Self.writeManifest(outcome.manifest!, to: target + ".manifest.json")
            } catch let e as AtomicFile.Failure {
                return .failure(Failure(path: e.path, cause: e.cause))
            } catch {
                return .failure(Failure(path: outputPath, cause: "\(error)"))
            }
            if let schedule {
                do { try schedule.write(outcome.manifest!, redactedPath: target) } catch {
                    // The recipient's schedule belongs with the copy: no copy without it.
                    Self.withdraw(outputPath: target)
                    return .failure(Failure(path: target + ScheduleWriter.suffix, cause: "\(error)"))
                }
            }
            outcome.outputPath = target
            return .success(outcome)
        }
    }

    /// Streams the redacted copy to standard output; the manifest goes to `manifestPath` if given.
    public func applyToStandardOutput(_ input: Input, manifestPath: String?, scratch: ScanScratch) -> Result<ApplyOutcome, Failure> {
        let result = redact(input, into: 1, outputName: "-", scratch: scratch)
        if case .success(let outcome) = result, let manifestPath, let manifest = outcome.manifest {
            do { try Self.writeManifest(manifest, to: manifestPath) } catch {
                return .failure(Failure(path: manifestPath, cause: "\(error)"))
            }
        }
        return result
    }

    /// Streams the redacted copy into an open descriptor the caller owns (no atomic rename, no
    /// sync, no manifest file): for a server that answers the copy and discards its work file.
    public func apply(_ input: Input, into fd: Int32, outputName: String, scratch: ScanScratch) -> Result<ApplyOutcome, Failure> {
        redact(input, into: fd, outputName: outputName, scratch: scratch)
    }

    private func redact(_ input: Input, into fd: Int32, outputName: String, scratch: ScanScratch) -> Result<ApplyOutcome, Failure> {
        let inFD: Int32
        do { inFD = try openInput(input) } catch let e as ScanError {
            return .failure(Failure(path: e.path, cause: e.detail))
        } catch {
            return .failure(Failure(path: input.path, cause: "\(error)"))
        }
        defer { if !input.isStandardInput { close(inFD) } }
        let writer = OutputWriter(fd: fd)
        var sink = RedactingSink(table: scanner.engine.table, replacer: replacer, writer: writer)
        sink.valueKey = valueKey
        sink.decide = decide
        let outcome: StreamScanner.Outcome
        do {
            outcome = try scanner.scan(fd: inFD, path: input.path, scratch: scratch, sink: &sink)
        } catch let e as ScanError {
            return .failure(Failure(path: e.path, cause: e.detail))
        } catch {
            return .failure(Failure(path: input.path, cause: "\(error)"))
        }
        if outcome.skippedBinary { return .success(ApplyOutcome(input: input, skippedBinary: true)) }
        writer.flush()
        if let code = writer.error {
            return .failure(Failure(path: outputName, cause: "cannot write the redacted copy: \(String(cString: strerror(code)))"))
        }
        let s = sink.summary()
        let table = scanner.engine.table
        let manifest = Manifest(
            toolVersion: toolVersion, pack: table.packName, packVersion: table.packVersion,
            source: input.path, output: outputName, style: replacer.style.rawValue,
            sha256Original: s.sha256Original, sha256Redacted: s.sha256Redacted,
            bytesOriginal: s.bytesOriginal, bytesRedacted: s.bytesRedacted,
            counts: sink.counts, redactions: sink.entries)
        return .success(ApplyOutcome(input: input, manifest: manifest, valueHMACs: sink.valueHMACs))
    }

    /// Removes a committed output and its manifest (when the disclosure could not be logged,
    /// nothing may be left to share without its log entry).
    public static func withdraw(outputPath: String) {
        unlink(outputPath)
        unlink(outputPath + ".manifest.json")
        unlink(outputPath + ScheduleWriter.suffix)
    }

    /// Writes `manifest` as JSON to `path`, atomically (also used by document formats).
    public static func writeManifest(_ manifest: Manifest, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(manifest) + Data("\n".utf8)
        let file = try AtomicFile(path: path, overwrite: true)
        let written = data.withUnsafeBytes { raw -> Int in
            var done = 0
            while done < raw.count {
                let n = write(file.fd, raw.baseAddress! + done, raw.count - done)
                if n <= 0 { if errno == EINTR { continue }; return -1 }
                done += n
            }
            return done
        }
        guard written == data.count else {
            file.abort()
            throw Failure(path: path, cause: "cannot write the manifest: \(String(cString: strerror(errno)))")
        }
        try file.commit(overwrite: true)
    }

    private func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
