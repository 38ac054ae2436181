import ArgumentParser
import Foundation
import RedactCore
import RedactFormats
import RedactLog
import RedactScan

enum ScanFormat: String, ExpressibleByArgument, CaseIterable {
    case human, jsonl
}

/// `redact scan`: report findings, as JSON Lines for machines or `path:line:col` for people.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find personal data and report it (never the matched text, unless --show-text).",
        discussion: "Directories are walked (hidden files skipped); binary files are skipped unless --binary. Exit 0 when every input was scanned, 2 on any error."
    )

    @Argument(help: "Files or directories to scan; - for standard input.")
    var paths: [String] = ["-"]

    @OptionGroup var find: FindOptions

    @OptionGroup(title: "Document formats") var formats: FormatOptions

    @Option(help: "Output format: human (path:line:col category rule) or jsonl (the findings contract).")
    var format: ScanFormat = .human

    @Flag(help: "Print per-category counts and totals instead of each finding.")
    var summary = false

    @Flag(help: "Include the matched text in the output. It is personal data: handle the output accordingly.")
    var showText = false

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup(title: "Sharing (report only what this recipient's copy would redact)")
    var recipient: RecipientOption
    @OptionGroup var profiles: ProfileOptions

    func run() throws {
        let reference = (try? Reference.locate()) ?? Reference.builtIn
        let (findOptions, profile) = try ProfileFilter.make(recipient: recipient.recipient, profiles: profiles, find: find, reference: reference)
        let factory = try makeFactory(findOptions)
        let filter = profile.map { ProfileFilter(policy: Profiles.policy($0, reference: reference), factory: factory) }
        let engine = factory.shared
        let (inputs, walkErrors) = factory.expand(paths)
        var errors = walkErrors.count
        for e in walkErrors { Stderr.line("redact: \(e)") }

        let out = Stdout.shared
        let colour = Colour(terminal: out.isTerminal)
        var totals: [Category: Int] = [:]
        var files = 0, bytes = 0, findings = 0
        let pool = ScratchPool(engine: engine)
        let progress = ProgressBar(totalBytes: totalSize(inputs) > 64 << 20 ? totalSize(inputs) : 0)
        progress.start()
        /// One finding for people: `path:line:col category rule` (the JSON Lines writer is below).
        func humanLine(_ f: LocatedFinding, path: String) -> String {
            let rule = engine.table[f.finding.rule]
            var line = "\(colour.path(path)):\(f.line):\(f.column) \(colour.category(rule.category.rawValue)) \(rule.id)"
            if let text = f.text { line += " " + colour.dim(String(decoding: text, as: UTF8.self)) }
            return line
        }
        let jsonWriter = FindingJSONWriter(table: engine.table)
        func emit(_ f: LocatedFinding, path: String) {
            if format == .jsonl { jsonWriter.write(path: path, f, to: out) } else { out.line(humanLine(f, path: path)) }
        }
        // One input (a pipeline's stream, a big file): findings are printed as they are found,
        // so memory stays flat however many there are. Several inputs: each file's findings are
        // kept until its turn, so output stays in input order. A summary only counts.
        let streaming = inputs.count == 1 && !summary
        func renderDocument(_ f: DocumentFinding, path: String, format id: String) -> String {
            format == .jsonl ? documentFindingJSON(path: path, format: id, f) : documentFindingHuman(path: path, f, colour: colour)
        }
        let runner = formats.runner(chunkSize: find.chunkSize)
        // With a profile, a summary still needs the findings, to count only the reported ones.
        let keepFindings = (!summary && !streaming) || (summary && filter != nil)
        orderedParallel(count: inputs.count, workers: jobs) { i -> InputScan in
            let path = inputs[i].path
            if let document = runner.format(for: inputs[i]) {
                return .document(formats.scanDocument(
                    inputs[i], format: document, factory: factory, pool: pool, chunkSize: find.chunkSize, withText: showText,
                    keep: keepFindings,
                    onFinding: streaming ? {
                        if let filter, !filter.reported($0, path: path) { return }
                        out.line(renderDocument($0, path: path, format: document.id))
                    } : nil))
            }
            let parties = filter?.parties(for: inputs[i])
            return .text(factory.scanFile(inputs[i], pool: pool, withLines: format == .human && !summary, withText: showText,
                                          progress: progress.counter, workers: inputs.count < jobs ? jobs : 1,
                                          keep: keepFindings,
                                          onFinding: streaming ? {
                                              if let filter, !filter.reported($0, path: path, parties: parties!) { return }
                                              emit($0, path: path)
                                          } : nil))
        } deliver: { _, item in
            guard case .text(var result) = item else {
                if case .document(let d) = item { deliverDocument(d) }
                return
            }
            if let e = result.error {
                errors += 1
                Stderr.line("redact: \(e)")
                return
            }
            if result.skippedBinary {
                Stderr.line("redact: \(result.input.path): skipped (binary file; use --binary to scan it)")
                return
            }
            var perFile: [Category: Int] = [:]
            var count = result.findingCount
            if let filter {
                let parties = filter.parties(for: result.input)
                result.findings = result.findings.filter { filter.reported($0, path: result.input.path, parties: parties) }
                perFile = filter.counts(result.findings)
                count = result.findings.count
            } else {
                for (rule, n) in result.ruleCounts.enumerated() where n > 0 {
                    perFile[engine.table[Int32(rule)].category, default: 0] += n
                }
            }
            if !summary { for f in result.findings { emit(f, path: result.input.path) } }
            summarise(path: result.input.path, bytes: result.bytes, count: count, perFile: perFile)
        }
        func deliverDocument(_ d: DocumentScanResult) {
            if let e = d.error {
                errors += 1
                Stderr.line("redact: \(e)")
                return
            }
            var findings = d.findings, count = d.count, perFile = d.counts
            if let filter {
                findings = findings.filter { filter.reported($0, path: d.input.path) }
                perFile = [:]
                for f in findings { perFile[f.span.span.category, default: 0] += 1 }
                count = findings.count
            }
            if !summary { for f in findings { out.line(renderDocument(f, path: d.input.path, format: d.format)) } }
            summarise(path: d.input.path, bytes: d.bytes, count: count, perFile: perFile)
        }
        func summarise(path: String, bytes fileBytes: Int, count: Int, perFile: [Category: Int]) {
            files += 1
            bytes += fileBytes
            findings += count
            for (category, n) in perFile { totals[category, default: 0] += n }
            if summary {
                switch format {
                case .jsonl:
                    let counts = perFile.sorted { $0.key < $1.key }.map { "\(jsonString($0.key.rawValue)):\($0.value)" }.joined(separator: ",")
                    out.line("{\"path\":\(jsonString(path)),\"bytes\":\(fileBytes),\"findings\":\(count),\"by_category\":{\(counts)}}")
                case .human:
                    let counts = perFile.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
                    out.line("\(colour.path(path)): \(count) finding\(count == 1 ? "" : "s")\(counts.isEmpty ? "" : " (\(counts))")")
                }
            }
        }
        progress.stop()
        if summary {
            switch format {
            case .jsonl:
                let counts = totals.sorted { $0.key < $1.key }.map { "\(jsonString($0.key.rawValue)):\($0.value)" }.joined(separator: ",")
                out.line("{\"total\":true,\"files\":\(files),\"bytes\":\(bytes),\"findings\":\(findings),\"errors\":\(errors),\"by_category\":{\(counts)}}")
            case .human:
                for (c, n) in totals.sorted(by: { $0.key < $1.key }) { out.line("\(c.rawValue)\t\(n)") }
                out.line("\(files) file\(files == 1 ? "" : "s"), \(bytes) bytes, \(findings) finding\(findings == 1 ? "" : "s"), \(errors) error\(errors == 1 ? "" : "s")")
            }
        }
        out.flush()
        if errors > 0 { throw ExitCode(ExitStatus.error) }
    }
}

/// Builds the engine factory, turning pack and setup errors into a clear message and exit status 2.
func makeFactory(_ find: FindOptions) throws -> EngineFactory {
    do {
        return try find.setup.makeFactory()
    } catch {
        Stderr.line("redact: \(error)")
        throw ExitCode(ExitStatus.error)
    }
}
