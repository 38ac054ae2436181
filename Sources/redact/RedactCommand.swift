import ArgumentParser
import Foundation
import RedactApply
import RedactLog
import RedactScan

/// The `redact` command line: glue only. Every algorithm lives in the library targets.
@main
struct RedactCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Find, redact and log personal data in criminal-justice case material.",
        discussion: """
        Exit codes: 0 success (check: clean), 1 check found personal data / patterns check or \
        log verify failed, 2 error (bad input, bad options, unreadable path, malformed pack), \
        4 apply held some copies for review (a sharing profile found offence information).
        """,
        version: version,
        subcommands: [
            ScanCommand.self, ApplyCommand.self, CheckCommand.self, PatternsCommand.self, EvalCommand.self,
            LogCommand.self, BreachCommand.self, ReferenceCommand.self, PackCommand.self, DemoCommand.self,
            ProfilesCommand.self,
            QACommand.self,
            ServeCommand.self, TokenCommand.self,
            SubmitCommand.self, WorkerCommand.self, JobsCommand.self,
        ]
    )

    /// Usage errors exit 2 like every other error, so a pipeline has one "error" code to test.
    static func main() {
        BusErrorSignal.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Stderr.line(message) }
            Foundation.exit(code == .validationFailure ? ExitStatus.error : code.rawValue)
        }
    }
}

/// The documented exit statuses.
enum ExitStatus {
    static let success: Int32 = 0
    static let found: Int32 = 1
    static let error: Int32 = 2
}

/// Standard error, line by line (`stderr` itself is not concurrency-safe in Swift 6).
enum Stderr {
    static let isTerminal = isatty(2) == 1
    static func line(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}

/// Wires the scanner into the log's free-text redaction (document names, breach prose), so the
/// log never stores personal data in free text.
func installLogRedactor(_ factory: EngineFactory) {
    let redactor = TextRedactor(engine: factory.shared)
    let table = factory.shared.table
    RedactorHook.shared.redactor = ClosureRedactor(identifier: "redact \(RedactCommand.version) \(table.packName) \(table.packVersion)") {
        redactor.redact($0)
    }
}
