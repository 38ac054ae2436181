import ArgumentParser
import Foundation
import RedactLog
import RedactReport

/// `redact pack`: an area performance pack made from the log (issue 5). Glue only: the periods,
/// queries, figures and formats live in RedactReport.
///
/// Exit codes: 0 the pack was written (an empty period is a pack that says so, not an error);
/// 2 bad input (period, unknown area, options); 3 the log or the output could not be used.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Make an area performance pack: redactions and breaches by area and period, from the log.",
        discussion: """
        Examples:
          redact pack --area cps-wessex --period 2026-Q3 --log national.sqlite --format html --out wessex-q3.html
          redact pack --national --period FY2025-26 --format json --out national.json --suppress-small 5
          redact pack --national --period 2026-Q3 --log postgres://reports@db.internal/redact --out national-q3.html

        A period is a month (2026-09), a calendar quarter (2026-Q3) or a financial year (FY2026-27, April to \
        March), on UTC boundaries: the pack counts what `redact log export --since --until` exports for it. \
        The log is a file or the national log in PostgreSQL (postgres://USER@HOST[:PORT]/DATABASE; the password \
        from PGPASSWORD); both give the same figures. The JSON format is described in docs/pack-format.md.
        """)

    @Option(help: ArgumentHelp("The area's pack (see `redact reference areas`).", valueName: "code"))
    var area: String?

    @Flag(help: "The national pack: all areas together, with every area compared.")
    var national = false

    @Option(help: ArgumentHelp("A month (2026-09), a quarter (2026-Q3) or a financial year (FY2026-27).", valueName: "period"))
    var period: String

    @OptionGroup var log: LogOptions

    @Option(help: "html, json, csv or md.")
    var format: PackFormat = .html

    @Option(help: ArgumentHelp("Where to write the pack ('-' for standard output).", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("Show counts from 1 to N-1 as <N, for publication (for example 5).", valueName: "n"))
    var suppressSmall: Int?

    @Option(help: ArgumentHelp("List teams (and count operators) with at least N breaches in the period.", valueName: "n"))
    var repeatThreshold: Int = PackSettings.defaultRepeatThreshold

    @Flag(help: "Name the operators in the repeated-breach list (their ids identify staff: internal packs only).")
    var showOperators = false

    @Flag(help: "Do not add the pack indexes to a log file, even when it is writable (the pack is slower without them; a PostgreSQL log has them from its migrations).")
    var noIndex = false

    func validate() throws {
        if national == (area != nil) { throw ValidationError("give either --area CODE or --national") }
        if let n = suppressSmall, n < 2 { throw ValidationError("--suppress-small: expected a number of at least 2") }
        if repeatThreshold < 1 { throw ValidationError("--repeat-threshold: expected a number of at least 1") }
    }

    func run() throws {
        let reference = try log.reference.load()
        let builder = PackBuilder(reference: reference)
        let period = try PackFailure.map { try PackPeriod(parsing: self.period) }
        let scope: PackScope = try area.map { code in .area(try PackFailure.map { try builder.validate(area: code) }) } ?? .national
        guard let location = log.resolvedPath else { throw ValidationError("no log given: use --log PATH or set REDACT_LOG") }
        let source = try PackFailure.map {
            try PackSources.open(location, createIndexes: !noIndex) { FileHandle.standardError.write(Data("note: \($0)\n".utf8)) }
        }
        let settings = PackSettings(suppressBelow: suppressSmall, repeatThreshold: repeatThreshold, showOperators: showOperators)
        let timings = ProcessInfo.processInfo.environment["REDACT_PACK_TIMINGS"] == "1" ? TimedPackSource(source) : nil
        let started = Date()
        let pack = try PackFailure.map {
            try builder.build(PackRequest(scope: scope, period: period, settings: settings), from: timings ?? source)
        }
        let text = PackRenderer.render(pack, as: format, reference: reference)
        if let timings {
            FileHandle.standardError.write(Data((timings.report + String(format: "\n%7.3f s  total (queries and rendering)\n",
                                                                        Date().timeIntervalSince(started))).utf8))
        }
        try PackFailure.map { try PackOutput.write(text, to: out) }
        if out != "-" {
            let what = pack.isEmpty ? "nothing recorded in the period" :
                "\(pack.current.documentsShared) documents shared, \(pack.current.redactions) redactions, \(pack.current.breaches) breaches"
            FileHandle.standardError.write(Data("wrote \(out): \(pack.scopeLabel), \(period.code) (\(what))\n".utf8))
        }
    }
}

extension PackFormat: ExpressibleByArgument {}

/// Writes the pack: atomically to a file (a reader never sees half a pack), or to standard output.
enum PackOutput {
    static func write(_ text: String, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ReportError(.output, "cannot write the pack to the given file (\((error as NSError).localizedDescription))")
        }
    }
}

/// Maps pack errors to messages and exit codes, in one place (as ``LogFailure`` does for the log).
enum PackFailure {
    static func code(for kind: ReportError.Kind) -> Int32 {
        switch kind {
        case .invalidPeriod, .unknownArea, .invalidOption: 2
        case .storage, .output: 3
        }
    }

    @discardableResult
    static func map<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ReportError {
            FileHandle.standardError.write(Data("error: \(e.description)\n".utf8))
            throw ExitCode(code(for: e.kind))
        }
    }
}
