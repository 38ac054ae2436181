import ArgumentParser
import Foundation
import RedactApply
import RedactCore
import RedactFormats
import RedactLog
import RedactScan

extension RedactionStyle: ExpressibleByArgument {}

/// `redact apply`: write redacted copies and their manifests.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write redacted copies (and a manifest beside each) into a folder, or to standard output.",
        discussion: """
        Every byte outside a finding is preserved exactly. Outputs are written atomically and an \
        existing output is not overwritten without --force; originals are never modified. \
        Exit 0 when every output was written, 2 otherwise.
        """
    )

    @Argument(help: "Files or directories to redact; - for standard input.")
    var paths: [String]

    @Option(help: ArgumentHelp("Folder for the redacted copies, or - for standard output (one input only).", valueName: "DIR"))
    var out: String

    @OptionGroup var find: FindOptions

    @OptionGroup(title: "Document formats (PDFs are refused: see docs/formats.md)") var formats: FormatOptions

    @Option(help: "label ([NHS NUMBER]), block (█ per character), mask (X per letter or digit), pseudonym ([PERSON-KDWQTM], needs --key-file).")
    var style: RedactionStyle = .label

    @Option(help: ArgumentHelp("HMAC key for pseudonyms (the log never holds it).", valueName: "FILE"))
    var keyFile: String?

    @OptionGroup(title: "Logging (with --log, --area, --case, --operator and --recipient are required; --case also scopes pseudonyms)")
    var logging: DisclosureLogOptions

    @Option(help: ArgumentHelp("Key for the HMAC of each redacted value kept in the log (the log never holds the key).", valueName: "FILE"))
    var valueHmacKey: String?

    @Option(help: ArgumentHelp("With --out -, write the manifest to this file.", valueName: "FILE"))
    var manifest: String?

    @Flag(help: "Overwrite existing outputs.")
    var force = false

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if style == .pseudonym && keyFile == nil { throw ValidationError("--style pseudonym needs --key-file") }
        if out == "-" && paths.count != 1 { throw ValidationError("--out - takes exactly one input") }
        if manifest != nil && out != "-" { throw ValidationError("--manifest is only for --out - (otherwise it goes beside each copy)") }
    }

    func run() throws {
        let factory = try makeFactory(find)
        var key: [UInt8]? = nil
        if let keyFile {
            guard let data = FileManager.default.contents(atPath: keyFile), !data.isEmpty else {
                Stderr.line("redact: \(keyFile): cannot read the key file (or it is empty)")
                throw ExitCode(ExitStatus.error)
            }
            key = [UInt8](data)
        }
        let replacer = Replacer(style: style, key: key, caseReference: logging.caseReference ?? "")
        var valueKey: [UInt8]? = nil
        if let valueHmacKey {
            guard let data = FileManager.default.contents(atPath: valueHmacKey), data.count >= 16 else {
                Stderr.line("redact: \(valueHmacKey): cannot read the HMAC key file (or it is shorter than 16 bytes)")
                throw ExitCode(ExitStatus.error)
            }
            valueKey = [UInt8](data)
        }
        installLogRedactor(factory)
        let recorder = try LogFailure.map {
            try logging.recorder(packVersion: factory.shared.table.packVersion, toolVersion: RedactCommand.version)
        }

        // Inputs and their output names: a file keeps its name; a walked folder keeps its layout.
        var jobs: [(input: Input, name: String)] = []
        var errors = 0
        for path in paths {
            let (inputs, walkErrors) = factory.expand([path])
            for e in walkErrors { errors += 1; Stderr.line("redact: \(e)") }
            let isDir = (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeDirectory
            for input in inputs {
                let name: String
                if input.isStandardInput { name = "stdin" } else if isDir {
                    name = String(input.path.dropFirst(path.hasSuffix("/") ? path.count : path.count + 1))
                } else {
                    name = (input.path as NSString).lastPathComponent
                }
                jobs.append((input, name))
            }
        }
        let names = jobs.map(\.name)
        if Set(names).count != names.count {
            Stderr.line("redact: two inputs would have the same output name; give them separately or rename one")
            throw ExitCode(ExitStatus.error)
        }
        if out != "-" {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                Stderr.line("redact: \(out): cannot create the output folder")
                throw ExitCode(ExitStatus.error)
            }
        }

        let pool = ScratchPool(engine: factory.shared)
        let runner = formats.runner(chunkSize: find.chunkSize)
        var written = 0, skipped = 0
        orderedParallel(count: jobs.count, workers: out == "-" ? 1 : self.jobs) { i -> Result<ApplyOutcome, Applier.Failure> in
            let job = jobs[i]
            let engine: ScanEngine
            do { engine = try factory.engine(for: job.input) } catch {
                return .failure(Applier.Failure(path: job.input.path, cause: "\(error)"))
            }
            if let document = runner.format(for: job.input) {
                let finder = EngineTextFinder(engine: engine, replacer: replacer, valueKey: valueKey,
                                              pool: engine === factory.shared ? pool : nil)
                let applier = DocumentApplier(runner: runner, finder: finder, toolVersion: RedactCommand.version, overwrite: force)
                if out == "-" { return applier.applyToStandardOutput(job.input, format: document, manifestPath: manifest) }
                return applier.apply(job.input, format: document, outputPath: (out as NSString).appendingPathComponent(job.name))
            }
            var applier = Applier(scanner: factory.setup.streamScanner(engine: engine), replacer: replacer,
                                  toolVersion: RedactCommand.version, overwrite: force)
            applier.valueKey = valueKey
            let run = { (scratch: ScanScratch) -> Result<ApplyOutcome, Applier.Failure> in
                if out == "-" { return applier.applyToStandardOutput(job.input, manifestPath: manifest, scratch: scratch) }
                return applier.apply(job.input, outputPath: (out as NSString).appendingPathComponent(job.name), scratch: scratch)
            }
            return engine === factory.shared ? pool.withScratch(run) : run(engine.makeScratch())
        } deliver: { _, result in
            switch result {
            case .success(let outcome):
                if outcome.skippedBinary {
                    skipped += 1
                    Stderr.line("redact: \(outcome.input.path): skipped (binary file; use --binary to redact it)")
                    return
                }
                if let recorder, let manifest = outcome.manifest {
                    let rows = manifest.redactions.enumerated().map { i, e in
                        RedactionRecord(category: e.category, rule: e.rule, start: e.original.start, end: e.original.end,
                                        style: e.style, valueHMAC: i < outcome.valueHMACs.count ? outcome.valueHMACs[i] : nil)
                    }
                    do {
                        try recorder.record(document: manifest.output == "-" ? outcome.input.path : manifest.output,
                                            originalSHA256: manifest.sha256Original, redactedSHA256: manifest.sha256Redacted,
                                            redactions: rows)
                    } catch {
                        // Nothing may be shared without its log entry: withdraw the copy.
                        if let path = outcome.outputPath { Applier.withdraw(outputPath: path) }
                        errors += 1
                        Stderr.line("redact: \(outcome.input.path): not logged, redacted copy withdrawn: \(error)")
                        return
                    }
                }
                written += 1
            case .failure(let failure):
                errors += 1
                Stderr.line("redact: \(failure)")
            }
        }
        if out != "-" {
            Stderr.line("redact: \(written) redacted cop\(written == 1 ? "y" : "ies") written to \(out)\(skipped > 0 ? ", \(skipped) skipped" : "")\(errors > 0 ? ", \(errors) error(s)" : "")")
        }
        if errors > 0 { throw ExitCode(ExitStatus.error) }
    }
}
