import ArgumentParser
import Foundation
import RedactApply
import RedactCore
import RedactFormats
import RedactLog
import RedactProfiles
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
        Exit 0 when every output was written, 4 when every output was written and some are held for \
        review (a sharing profile found offence information), 2 otherwise.
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

    @OptionGroup(title: "Sharing (--recipient TYPE uses its type's profile; see docs/profiles.md)")
    var profiles: ProfileOptions

    @OptionGroup var share: ShareOptions

    @Option(help: ArgumentHelp("Folder for copies held for review (default: OUT.held beside OUT, never inside it).", valueName: "DIR"))
    var holdDir: String?

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
        // Sharing: the profile, the section 14 check and the decisions to keep, before anything is written.
        let reference = try logging.log.reference.load()
        let profile = try Profiles.select(recipient: logging.recipient, options: profiles, reference: reference)
        let sharing = try ShareCheck.run(profile: profile, recipient: logging.recipient, share: share, area: logging.area,
                                         options: profiles, reference: reference)
        let mayHold = profile?.offencePack == true && !share.releaseHeld
        if share.releaseHeld && logging.secondChecker == nil {
            Stderr.line("redact: --release-held needs --second-checker ID (who reviewed the held documents)")
            throw ExitCode(ExitStatus.error)
        }
        if mayHold && out == "-" {
            Stderr.line("redact: profile \(profile!.id) holds documents with offence information for review: use --out DIR")
            throw ExitCode(ExitStatus.error)
        }
        let factory = try makeFactory(try Profiles.findOptions(find, profile: profile))
        let keeps = try ShareCheck.keeps(share, table: factory.shared.table, reference: reference)
        let policy = RedactionPolicy(profile: profile, keeps: keeps) { reference.defaultJustification(for: $0) }
        let holdRoot = holdDir ?? (out.hasSuffix("/") ? String(out.dropLast()) : out) + ".held"
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
        let schedule = try scheduleWriter(reference: logging.log.reference)
        var recorder = try LogFailure.map {
            try logging.recorder(packVersion: factory.shared.table.packVersion, toolVersion: RedactCommand.version)
        }
        if let r = recorder {
            var context = r.context
            context.profile = profile?.id
            context.profileVersion = profile?.version
            context.section14 = sharing.verdict?.rawValue
            context.basis = sharing.basis
            recorder = DisclosureRecorder(store: r.store, context: context)
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
        var written = 0, skipped = 0, held = 0
        var matchedKeeps = Set<Int>()
        orderedParallel(count: jobs.count, workers: out == "-" ? 1 : self.jobs) { i -> Result<ApplyOutcome, Applier.Failure> in
            let job = jobs[i]
            let engine: ScanEngine
            do { engine = try factory.engine(for: job.input) } catch {
                return .failure(Applier.Failure(path: job.input.path, cause: "\(error)"))
            }
            if let document = runner.format(for: job.input) {
                let finder = EngineTextFinder(engine: engine, replacer: replacer, valueKey: valueKey,
                                              pool: engine === factory.shared ? pool : nil)
                var applier = DocumentApplier(runner: runner, finder: finder, toolVersion: RedactCommand.version, overwrite: force)
                let decide = ShareCheck.decider(policy, path: job.input.path)
                applier.judge = { located in
                    let s = located.span
                    let d = decide(SpanFacts(category: s.category.rawValue, rule: s.rule, role: s.role, start: s.start, end: s.end))
                    return SpanVerdict(redact: d.redact, justification: d.justification)
                }
                if mayHold {
                    let heldPath = (holdRoot as NSString).appendingPathComponent(job.name)
                    applier.holdPath = { manifest, _ in policy.holds(categories: manifest.redactions.map(\.category)) ? heldPath : nil }
                }
                applier.schedule = schedule
                if out == "-" { return applier.applyToStandardOutput(job.input, format: document, manifestPath: manifest) }
                return applier.apply(job.input, format: document, outputPath: (out as NSString).appendingPathComponent(job.name))
            }
            var applier = Applier(scanner: factory.setup.streamScanner(engine: engine), replacer: replacer,
                                  toolVersion: RedactCommand.version, overwrite: force)
            applier.valueKey = valueKey
            applier.decide = ShareCheck.decider(policy, path: job.input.path)
            if mayHold {
                let heldPath = (holdRoot as NSString).appendingPathComponent(job.name)
                applier.holdPath = { manifest, _ in policy.holds(categories: manifest.redactions.map(\.category)) ? heldPath : nil }
            }
            applier.schedule = schedule
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
                let rows = outcome.manifest.map {
                    ShareCheck.records($0, path: outcome.input.path, policy: policy, valueHMACs: outcome.valueHMACs,
                                       matchedKeeps: &matchedKeeps)
                }
                if let recorder, let manifest = outcome.manifest, let rows {
                    do {
                        var event = DisclosureEvent(
                            context: recorder.context, documentName: manifest.output == "-" ? outcome.input.path : manifest.output,
                            originalSHA256: manifest.sha256Original, redactedSHA256: manifest.sha256Redacted, redactions: rows)
                        event.held = outcome.held
                        try recorder.store.recordDisclosure(event)
                    } catch {
                        // Nothing may be shared without its log entry: withdraw the copy.
                        if let path = outcome.outputPath { Applier.withdraw(outputPath: path) }
                        errors += 1
                        Stderr.line("redact: \(outcome.input.path): not logged, redacted copy withdrawn: \(error)")
                        return
                    }
                }
                written += 1
                if outcome.held {
                    held += 1
                    Stderr.line("redact: \(outcome.input.path): HELD for review (offence information found; profile \(profile?.id ?? "-")): \(outcome.outputPath ?? "")")
                }
            case .failure(let failure):
                errors += 1
                Stderr.line("redact: \(failure)")
            }
        }
        for (i, k) in keeps.enumerated() where !matchedKeeps.contains(i) {
            Stderr.line("redact: warning: --keep \(k.text) matched no finding")
        }
        if out != "-" {
            Stderr.line("redact: \(written - held) redacted cop\(written - held == 1 ? "y" : "ies") written to \(out)\(held > 0 ? ", \(held) held for review in \(holdRoot)" : "")\(skipped > 0 ? ", \(skipped) skipped" : "")\(errors > 0 ? ", \(errors) error(s)" : "")")
        }
        if errors > 0 { throw ExitCode(ExitStatus.error) }
        if held > 0 { throw ExitCode(ExitStatus.held) }
    }
}
