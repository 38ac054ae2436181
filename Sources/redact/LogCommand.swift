import ArgumentParser
import Foundation
import RedactLog

/// `redact log verify|checkpoint|export|import`: the tamper-evident log itself.
///
/// Exit codes are listed on ``LogFailure``: 1 means the chain (or an import) does not verify.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Verify, checkpoint, export and import the redaction and breach log.",
        subcommands: [Verify.self, Checkpoint.self, Export.self, Import.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Walk the hash chain; name the first broken entry and exit 1 if there is one.")

        @OptionGroup var log: LogOptions
        @Option(help: ArgumentHelp("Also prove the log extends this checkpoint (from `redact log checkpoint`).",
                                   valueName: "count:hash"))
        var checkpoint: String?

        func run() throws {
            let store = try log.open(readOnly: true)
            var expected: RedactLog.Checkpoint?
            if let checkpoint {
                guard let cp = RedactLog.Checkpoint(checkpoint) else {
                    throw ValidationError("--checkpoint: expected COUNT:HASH as printed by `redact log checkpoint`")
                }
                expected = cp
            }
            let report = try LogFailure.map { try store.verify(against: expected) }
            if let problem = report.problem {
                print("broken: \(problem)")
                print("verified \(report.entries) entries before it")
                throw ExitCode(LogFailure.code(for: .chainBroken))
            }
            print("ok: \(report.entries) entries, head \(report.head.headHash)")
        }
    }

    struct Checkpoint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Print the entry count and head hash, for a later `log verify --checkpoint`.")

        @OptionGroup var log: LogOptions

        func run() throws {
            let store = try log.open(readOnly: true)
            let cp = try LogFailure.map { try store.checkpoint() }
            print("log \(cp.logID)")
            print("entries \(cp.count)")
            print("head \(cp.headHash)")
            print("checkpoint \(cp)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write entries as JSON Lines (lossless, importable) or CSV (for spreadsheets).")

        @OptionGroup var log: LogOptions
        @Option(help: "jsonl or csv.") var format: ExportFormat = .jsonl
        @Option(help: "Only this area.") var area: String?
        @Option(help: ArgumentHelp("Only entries recorded at or after this time.", valueName: "time")) var since: String?
        @Option(help: ArgumentHelp("Only entries recorded before this time.", valueName: "time")) var until: String?
        @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
        var output: String?

        func run() throws {
            let filter = ExportFilter(area: area, since: try LogFailure.time(since, option: "--since"),
                                      until: try LogFailure.time(until, option: "--until"))
            let store = try log.open(readOnly: true)
            try LogFailure.map {
                let out: any LogOutput = try output.map { try FileOutput(path: $0) } ?? FileOutput()
                let summary = try store.export(format: format, filter: filter, to: out)
                if output != nil {
                    FileHandle.standardError.write(Data("exported \(summary.entries) of \(summary.head.count) entries\n".utf8))
                }
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Merge area exports (JSON Lines) into this log, verifying each source's chain. Idempotent.")

        @OptionGroup var log: LogOptions
        @Argument(help: "Export files to import, in any order.") var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one export file") }
        }

        func run() throws {
            let store = try log.open()
            for file in files {
                let s = try LogFailure.map { try store.importExport(try FileInput(path: file)) }
                let kind = s.complete ? "whole chain verified" : "filtered export, entries verified"
                print("\((file as NSString).lastPathComponent): from log \(s.sourceLogID): read \(s.read), added \(s.added), already present \(s.skipped) (\(kind))")
            }
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
