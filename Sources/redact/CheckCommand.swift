import ArgumentParser
import Foundation
import RedactCore
import RedactFormats
import RedactApply
import RedactLog
import RedactScan

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case human, jsonl
}

/// `redact check`: the pipeline gate. Exit 0 clean, 1 personal data found, 2 error.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Pre-screen inputs: exit 0 clean, 1 personal data found, 2 error.",
        discussion: "One line per input, then totals. An error in any input gives 2, even if another input had findings."
    )

    @Argument(help: "Files or directories to check; - for standard input.")
    var paths: [String] = ["-"]

    @OptionGroup var find: FindOptions

    @OptionGroup(title: "Document formats") var formats: FormatOptions

    @OptionGroup(title: "Logging (with --log, each input with findings is recorded as an incoming failure to redact, or with --outgoing a near miss)")
    var logging: GateLogOptions

    @Option(help: "Output format: human or jsonl (one object per input, then a totals object).")
    var format: CheckFormat = .human

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup(title: "Sharing (count only what this recipient's copy would redact)")
    var recipient: RecipientOption
    @OptionGroup var profiles: ProfileOptions

    func run() throws {
        let reference = try logging.log.reference.load()
        let (findOptions, profile) = try ProfileFilter.make(recipient: recipient.recipient, profiles: profiles, find: find, reference: reference)
        let factory = try makeFactory(findOptions)
        let filter = profile.map { ProfileFilter(policy: Profiles.policy($0, reference: reference), factory: factory) }
        let engine = factory.shared
        let (inputs, walkErrors) = factory.expand(paths)
        let out = Stdout.shared
        var errors = 0, withFindings = 0, clean = 0, skipped = 0, findings = 0
        var totals: [Category: Int] = [:]

        // `extra`: more JSON members for a document (its format; an error's kind, part and offset).
        func report(path: String, status: String, count: Int, counts: [Category: Int], detail: String?, extra: String = "") {
            switch format {
            case .jsonl:
                let c = counts.sorted { $0.key < $1.key }.map { "\(jsonString($0.key.rawValue)):\($0.value)" }.joined(separator: ",")
                var s = "{\"path\":\(jsonString(path)),\"status\":\"\(status)\",\"findings\":\(count),\"by_category\":{\(c)}"
                if let detail { s += ",\"error\":\(jsonString(detail))" }
                s += extra
                out.line(s + "}")
            case .human:
                switch status {
                case "found":
                    let c = counts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
                    out.line("\(path): FOUND \(count) (\(c))")
                case "clean": out.line("\(path): clean")
                case "skipped": out.line("\(path): skipped (binary)")
                default: out.line("\(path): ERROR \(detail ?? "")")
                }
            }
        }

        for e in walkErrors {
            errors += 1
            Stderr.line("redact: \(e)")
            report(path: e.path, status: "error", count: 0, counts: [:], detail: e.detail)
        }
        installLogRedactor(factory)
        let gate = try LogFailure.map {
            try logging.recorder(packVersion: engine.table.packVersion, toolVersion: RedactCommand.version)
        }
        let pool = ScratchPool(engine: engine)
        let runner = formats.runner(chunkSize: find.chunkSize)
        orderedParallel(count: inputs.count, workers: jobs) { i -> (InputScan, String?) in
            // With a log, each input is hashed as it streams (the log records the digest).
            let digest = gate == nil ? nil : StreamingSHA256()
            let observer = digest.map { d in { (bytes: UnsafeBufferPointer<UInt8>) in d.update(bytes) } }
            if let document = runner.format(for: inputs[i]) {
                let result = formats.scanDocument(inputs[i], format: document, factory: factory, pool: pool,
                                                  chunkSize: find.chunkSize, keep: filter != nil, observer: observer)
                return (.document(result), digest?.hex())
            }
            guard let observer else {
                return (.text(factory.scanFile(inputs[i], pool: pool, withLines: false, workers: inputs.count < jobs ? jobs : 1, keep: filter != nil)), nil)
            }
            return (.text(factory.scanFile(inputs[i], pool: pool, withLines: false, observer: observer, keep: filter != nil)), digest?.hex())
        } deliver: { _, scanned in
            let (item, sha256) = scanned
            // Text and documents alike: the input, its error, whether skipped, its counts.
            var path: String, failure: String? = nil, binary = false, count = 0, extra = ""
            var counts: [Category: Int] = [:]
            switch item {
            case .text(let result):
                path = result.input.path
                if let e = result.error {
                    failure = e.detail
                    Stderr.line("redact: \(e)")
                }
                binary = result.skippedBinary
                if let filter {
                    // With a profile, only what the recipient's copy would redact counts.
                    let parties = filter.parties(for: result.input)
                    counts = filter.counts(result.findings.filter { filter.reported($0, path: path, parties: parties) })
                    count = counts.values.reduce(0, +)
                } else {
                    count = result.findingCount
                    for (rule, n) in result.ruleCounts.enumerated() where n > 0 { counts[engine.table[Int32(rule)].category, default: 0] += n }
                }
            case .document(let result):
                path = result.input.path
                extra = ",\"format\":\(jsonString(result.format))"
                if !result.locators.isEmpty { extra += ",\"locators\":[\(result.locators.map(jsonString).joined(separator: ","))]" }
                if let e = result.error {
                    failure = e.message
                    Stderr.line("redact: \(e)")
                    extra += ",\"error_kind\":\(jsonString(e.kind.rawValue))"
                    if let part = e.part { extra += ",\"part\":\(jsonString(part))" }
                    if let offset = e.offset { extra += ",\"offset\":\(offset)" }
                }
                if let filter {
                    for d in result.findings where filter.reported(d, path: path) { counts[d.span.span.category, default: 0] += 1 }
                    count = counts.values.reduce(0, +)
                } else {
                    count = result.count
                    counts = result.counts
                }
            }
            if let failure {
                errors += 1
                report(path: path, status: "error", count: 0, counts: [:], detail: failure, extra: extra)
            } else if binary {
                skipped += 1
                report(path: path, status: "skipped", count: 0, counts: [:], detail: nil)
            } else if count == 0 {
                clean += 1
                report(path: path, status: "clean", count: 0, counts: [:], detail: nil, extra: extra)
            } else {
                withFindings += 1
                findings += count
                for (c, n) in counts { totals[c, default: 0] += n }
                report(path: path, status: "found", count: count, counts: counts, detail: nil, extra: extra)
                if let gate, let sha256 {
                    do {
                        try gate.record(document: path, sha256: sha256,
                                        counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }))
                    } catch {
                        errors += 1
                        Stderr.line("redact: \(path): not logged: \(error)")
                    }
                }
            }
        }
        let status = errors > 0 ? ExitStatus.error : withFindings > 0 ? ExitStatus.found : ExitStatus.success
        switch format {
        case .jsonl:
            let c = totals.sorted { $0.key < $1.key }.map { "\(jsonString($0.key.rawValue)):\($0.value)" }.joined(separator: ",")
            out.line("{\"total\":true,\"files\":\(inputs.count),\"clean\":\(clean),\"with_findings\":\(withFindings),\"skipped\":\(skipped),\"errors\":\(errors),\"findings\":\(findings),\"by_category\":{\(c)},\"exit\":\(status)}")
        case .human:
            out.line("total: \(inputs.count + walkErrors.count) input(s), \(clean) clean, \(withFindings) with personal data (\(findings) findings), \(skipped) skipped, \(errors) error(s)")
        }
        out.flush()
        if status != ExitStatus.success { throw ExitCode(status) }
    }
}
