import ArgumentParser
import Foundation
import RedactCore
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
        func render(_ f: LocatedFinding, path: String) -> String {
            switch format {
            case .jsonl:
                return findingJSON(path: path, f, table: engine.table)
            case .human:
                let rule = engine.table[f.finding.rule]
                var line = "\(colour.path(path)):\(f.line):\(f.column) \(colour.category(rule.category.rawValue)) \(rule.id)"
                if let text = f.text { line += " " + colour.dim(String(decoding: text, as: UTF8.self)) }
                return line
            }
        }
        let jsonWriter = FindingJSONWriter(table: engine.table)
        func emit(_ f: LocatedFinding, path: String) {
            if format == .jsonl { jsonWriter.write(path: path, f, to: out) } else { out.line(render(f, path: path)) }
        }
        // One input (a pipeline's stream, a big file): findings are printed as they are found,
        // so memory stays flat however many there are. Several inputs: each file's findings are
        // kept until its turn, so output stays in input order. A summary only counts.
        let streaming = inputs.count == 1 && !summary
        orderedParallel(count: inputs.count, workers: jobs) { i in
            let parties = filter?.parties(for: inputs[i])
            return factory.scanFile(inputs[i], pool: pool, withLines: format == .human && !summary, withText: showText,
                             progress: progress.counter, workers: inputs.count < jobs ? jobs : 1,
                             keep: (!summary && !streaming) || (summary && filter != nil),
                             onFinding: streaming ? {
                                 if let filter, !filter.reported($0, path: inputs[i].path, parties: parties!) { return }
                                 emit($0, path: inputs[i].path)
                             } : nil)
        } deliver: { _, result in
            var result = result
            if let filter {
                let parties = filter.parties(for: result.input)
                result.findings = result.findings.filter { filter.reported($0, path: result.input.path, parties: parties) }
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
            files += 1
            bytes += result.bytes
            var perFile: [Category: Int] = [:]
            if let filter {
                perFile = filter.counts(result.findings)
                for (c, n) in perFile { totals[c, default: 0] += n }
            } else {
                for (rule, n) in result.ruleCounts.enumerated() where n > 0 {
                    let category = engine.table[Int32(rule)].category
                    perFile[category, default: 0] += n
                    totals[category, default: 0] += n
                }
            }
            let fileFindings = filter == nil ? result.findingCount : result.findings.count
            findings += fileFindings
            if !summary { for f in result.findings { emit(f, path: result.input.path) } }
            if summary {
                switch format {
                case .jsonl:
                    let counts = perFile.sorted { $0.key < $1.key }.map { "\(jsonString($0.key.rawValue)):\($0.value)" }.joined(separator: ",")
                    out.line("{\"path\":\(jsonString(result.input.path)),\"bytes\":\(result.bytes),\"findings\":\(fileFindings),\"by_category\":{\(counts)}}")
                case .human:
                    let counts = perFile.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
                    out.line("\(colour.path(result.input.path)): \(fileFindings) finding\(fileFindings == 1 ? "" : "s")\(counts.isEmpty ? "" : " (\(counts))")")
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
