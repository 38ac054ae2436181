import ArgumentParser
import Foundation
import RedactCore
import RedactLog
import RedactQA
import RedactReport
import RedactScan

/// `redact qa`: the QA second check of a redacted copy, and the sample for second checkers.
/// Glue only: the checks live in RedactQA.
struct QACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "QA second check: confirm a redacted copy is complete and exact (exit 0 pass, 1 fail, 2 error).",
        discussion: """
          redact qa ORIGINAL REDACTED [--manifest M] [--log PATH --area CODE --operator ID]
          redact qa sample --area CODE --period 2026-Q3 --rate 0.1 [--seed N] --log PATH
        """,
        subcommands: [QACheckCommand.self, QASampleCommand.self],
        defaultSubcommand: QACheckCommand.self
    )
}

enum QAFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json
}

/// `redact qa [check] ORIGINAL REDACTED`.
struct QACheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a redacted copy against its original and manifest (the default subcommand).",
        discussion: """
        Confirms (a) the scanner finds nothing left in the copy (findings made of the marks \
        themselves, such as `Mr XXXXX` after mask style, and findings that exist only because a shorter \
        mark moved context words nearer, do not count), (b) every byte outside the \
        manifest's spans equals the original and the manifest's digests and sizes match both files, \
        and (c) every span holds a mark of its style. Give the same find options as `apply` \
        (--names, --names-beside, --patterns, --categories) so the check finds what apply found. \
        Reports offsets, categories and rules, never text unless --show-text. \
        Exit 0 pass, 1 fail, 2 error (unreadable file, bad manifest, bad option, not logged).
        """)

    @Argument(help: "The original document.")
    var original: String

    @Argument(help: "The redacted copy.")
    var redacted: String

    @Option(help: ArgumentHelp("The manifest (default: REDACTED.manifest.json).", valueName: "FILE"))
    var manifest: String?

    @OptionGroup var find: FindOptions

    @Option(help: "Output format: human or json.")
    var format: QAFormat = .human

    @Flag(help: "Include the text of findings left in the copy (personal data: not for logs or tickets).")
    var showText = false

    @OptionGroup(title: "Logging (with --log, --area and --operator are required)")
    var logging: QALogOptions

    func validate() throws {
        if original == "-" || redacted == "-" { throw ValidationError("qa reads both files twice: give paths, not -") }
    }

    func run() throws {
        let manifestPath = manifest ?? redacted + ".manifest.json"
        if manifest == nil && !FileManager.default.fileExists(atPath: manifestPath) {
            Stderr.line("redact: \(redacted): no manifest beside it (\((manifestPath as NSString).lastPathComponent)); give --manifest FILE")
            throw ExitCode(ExitStatus.error)
        }
        let factory = try makeFactory(find)
        installLogRedactor(factory)  // before the log opens: the store takes the redactor then
        let store = try logging.openChecked()
        let engine: ScanEngine
        do { engine = try factory.engine(for: Input(path: original)) } catch {
            Stderr.line("redact: \(error)")
            throw ExitCode(ExitStatus.error)
        }
        var checker = QAChecker(scanner: factory.setup.streamScanner(engine: engine))
        checker.showText = showText
        let report: QAReport
        do {
            report = try checker.check(original: original, redacted: redacted, manifest: manifestPath, scratch: engine.makeScratch())
        } catch {
            Stderr.line("redact: \(error)")
            throw ExitCode(ExitStatus.error)
        }
        let out = Stdout.shared
        out.write(format == .json ? QAReportText.json(report) + "\n" : QAReportText.human(report))
        out.flush()
        if let store {
            let record = report.logRecord(area: logging.area!, unit: logging.unit, caseReference: logging.caseReference,
                                          checker: logging.operatorID!, packVersion: engine.table.packVersion,
                                          toolVersion: RedactCommand.version)
            do {
                let receipt = try store.recordQACheck(record)
                Stderr.line("redact: QA \(report.result.rawValue) recorded in the log as entry \(receipt.seq)")
            } catch {
                Stderr.line("redact: \(redacted): the QA result was not logged: \(error)")
                throw ExitCode(ExitStatus.error)
            }
        }
        if report.result == .fail { throw ExitCode(ExitStatus.found) }
    }
}

/// The logging options of `redact qa`: the checker is `--operator`.
struct QALogOptions: ParsableArguments {
    @OptionGroup var log: LogOptions
    @Option(help: "Area code (see `redact reference areas`).") var area: String?
    @Option(help: "Team or unit within the area (a code).") var unit: String?
    @Option(name: .customLong("case"), help: "Case URN.") var caseReference: String?
    @Option(name: .customLong("operator"), help: "Id of the second checker.") var operatorID: String?

    func validate() throws {
        guard log.resolvedPath != nil else { return }
        let missing = [("--area", area), ("--operator", operatorID)].filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty { throw ValidationError("logging to a log needs \(missing.joined(separator: ", "))") }
    }

    /// The log, with the area code checked before any work; nil without a log.
    func openChecked() throws -> (any LogStore)? {
        guard log.resolvedPath != nil, let area else { return nil }
        do {
            let reference = try log.reference.load()
            _ = try LogFailure.map { try reference.validate(area, .areas) }
            return try log.open()
        } catch let code as ExitCode {
            // Log failures keep qa's own exit codes: anything that stops the check is 2.
            throw code.rawValue == 0 ? code : ExitCode(ExitStatus.error)
        }
    }
}

/// `redact qa sample`: a reproducible random sample of an area's disclosures for a second checker.
struct QASampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Pick a reproducible random sample of an area's disclosures in a period for a second check.",
        discussion: """
        Each disclosure is in the sample when a keyed hash of its entry id under the seed falls below \
        the rate, so the same log, area, period, rate and seed give the same sample (and a higher \
        rate a superset). Without --seed a random seed is chosen and printed. Disclosures replaced by \
        a correction are left out (the correction stands in their place). \
        The period is a month (2026-09), a quarter (2026-Q3) or a financial year (FY2026-27), as for `redact pack`.
        """)

    @Option(help: ArgumentHelp("Area code (see `redact reference areas`).", valueName: "code"))
    var area: String

    @Option(help: ArgumentHelp("A month (2026-09), a quarter (2026-Q3) or a financial year (FY2026-27).", valueName: "period"))
    var period: String

    @Option(help: ArgumentHelp("Share of disclosures to pick, above 0 and at most 1.", valueName: "rate"))
    var rate: Double

    @Option(help: "Seed of the sample (default: a random one, printed).")
    var seed: UInt64?

    @OptionGroup var log: LogOptions

    @Option(help: "Output format: human or json.")
    var format: QAFormat = .human

    func validate() throws {
        guard rate > 0, rate <= 1 else { throw ValidationError("--rate: expected a number above 0 and at most 1") }
    }

    func run() throws {
        let window = try PackFailure.map { try PackPeriod(parsing: self.period) }
        let store = try log.open(readOnly: true)
        let all = try LogFailure.map { try store.disclosures(area: area, since: window.window.start, until: window.window.end) }
        let seed = self.seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
        let picked = QASample.select(all, rate: rate, seed: seed)
        let out = Stdout.shared
        switch format {
        case .json:
            out.line("{\"area\":\(jsonString(area)),\"period\":\(jsonString(window.code)),\"rate\":\(rate),\"seed\":\(seed),"
                + "\"disclosures\":\(all.count),\"selected\":\(picked.count),\"sample\":["
                + picked.map { d in
                    "{\"entry_id\":\(jsonString(d.entryID)),\"recorded_at\":\(jsonString(LogTime.format(d.recordedAt))),"
                        + "\"case\":\(jsonString(d.caseReference)),\"document\":\(jsonString(d.documentName)),"
                        + "\"recipient\":\(jsonString(d.recipient)),\"redacted_sha256\":\(jsonString(d.redactedSHA256))}"
                }.joined(separator: ",") + "]}")
        case .human:
            out.line("\(area), \(window.code): \(picked.count) of \(all.count) disclosures (rate \(rate), seed \(seed))")
            for d in picked {
                out.line("\(d.entryID)  \(LogTime.format(d.recordedAt))  \(d.caseReference)  \(d.documentName)")
            }
        }
        out.flush()
        if self.seed == nil { Stderr.line("redact: give --seed \(seed) to draw the same sample again") }
    }
}
