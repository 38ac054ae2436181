import ArgumentParser
import Foundation
import RedactLog
import RedactReport

/// `redact demo-log`: writes a seeded demo log of synthetic activity for every area, so the
/// README's pack command has something real to show. Glue only: the generator is
/// `RedactReport.DemoLog`.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-log",
        abstract: "Generate a demo log: a year of synthetic activity for every area (and the year before, for comparisons).",
        discussion: """
        Everything in it is invented: case references are DEMO-..., operators op-..., documents are form names. \
        The same seed, year and scale give the same activity and the same packs.
          redact demo-log --seed 7 --out demo.sqlite
          redact pack --national --period 2026-Q3 --log demo.sqlite --out national.html
        """)

    @Option(help: "Seed of the random activity.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The new log file, or an empty PostgreSQL log (postgres://USER@HOST[:PORT]/DATABASE).", valueName: "log"))
    var out: String

    @Option(help: "The calendar year of activity.")
    var year: Int = 2026

    @Option(help: ArgumentHelp("Months of history before the year.", valueName: "months"))
    var history: Int = 12

    @Option(help: ArgumentHelp("Multiplies every volume (1: about 9,000 documents a year; 52: about 10 million redaction rows over two years).", valueName: "n"))
    var scale: Double = 1

    @Flag(help: "Replace the file if it exists.")
    var force = false

    @OptionGroup var reference: ReferenceOptions

    func validate() throws {
        guard scale > 0, scale <= 10_000 else { throw ValidationError("--scale: expected a number above 0") }
        guard (0...120).contains(history) else { throw ValidationError("--history: expected 0 to 120 months") }
        guard (1971...9000).contains(year) else { throw ValidationError("--year: out of range") }
    }

    func run() throws {
        let fm = FileManager.default
        if !PostgresURL.isPostgres(out), fm.fileExists(atPath: out) {
            guard force else { throw ValidationError("\(out) exists: choose another path or add --force to replace it") }
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: out + suffix) }
        }
        let options = DemoLogOptions(seed: seed, year: year, historyMonths: history, scale: scale, reference: try reference.load())
        let terminal = isatty(2) == 1
        let summary = try LogFailure.map {
            try DemoLog.generate(location: out, options: options) { done, total in
                if terminal { FileHandle.standardError.write(Data("\rgenerating month \(done) of \(total)".utf8)) }
            }
        }
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print("wrote \(LogLocation.describe(out)): \(summary.entries) entries, \(summary.firstMonth) to \(summary.lastMonth)")
        print("  \(summary.disclosures) disclosures with \(summary.redactions) redactions")
        print("  \(summary.incomingFailures) incoming failures to redact, \(summary.nearMisses) near misses")
        print("  \(summary.breaches) breaches (\(summary.breachUpdates) later versions)")
        print("  \(summary.qaChecks) QA second checks (\(summary.qaFailed) failed)")
        print(String(format: "  in %.1f s", summary.seconds))
    }
}
