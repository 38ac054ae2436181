import ArgumentParser
import Foundation
import Logging
import RedactServe

/// `redact serve`: the HTTP API (and the browser screens) over the scanner, the log and the packs.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server: the /v1 API, the review screen and the dashboard (see docs/serve.md).",
        discussion: "Stops gracefully on SIGINT or SIGTERM (requests in flight finish). Logs one JSON line per request on standard error, never with document text, findings, tokens or query values."
    )

    @Option(help: "Port (0: any free port; the chosen one is printed).") var port: Int?
    @Option(help: "Address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: ArgumentHelp("The log file, which also holds the tokens (default: the configuration's, then $REDACT_LOG).", valueName: "path"))
    var log: String?
    @Option(help: ArgumentHelp("JSON configuration file (docs/serve.md).", valueName: "FILE")) var config: String?
    @Option(help: ArgumentHelp("Largest document body accepted (413 beyond).", valueName: "N")) var maxBodyBytes: Int?
    @Option(help: "Log level: debug, info, warning, error.") var logLevel: String = "info"

    func run() throws {
        var c = ServeConfiguration()
        do {
            if let config { c = try ServeConfiguration.load(path: config) }
            if let port { c.port = port }
            if let host { c.host = host }
            if let log { c.logPath = log }
            if c.logPath == nil, let env = ProcessInfo.processInfo.environment["REDACT_LOG"], !env.isEmpty { c.logPath = env }
            if let maxBodyBytes { c.maxBodyBytes = maxBodyBytes }
            try c.validate()
        } catch let e as ServeConfiguration.Failure {
            Stderr.line("redact: \(e)")
            throw ExitCode(ExitStatus.error)
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            Stderr.line("redact: --log-level must be trace, debug, info, notice, warning, error or critical")
            throw ExitCode(ExitStatus.error)
        }
        LoggingSystem.bootstrap { label in
            var h = JSONLineLogHandler(label: label)
            h.logLevel = level
            return h
        }
        let services: ServeServices
        do {
            services = try ServeServices.make(configuration: c, version: RedactCommand.version)
        } catch {
            Stderr.line("redact: \(error)")
            throw ExitCode(ExitStatus.error)
        }
        let host = c.host
        let app = ServeApplication.application(services: services) { port in
            FileHandle.standardOutput.write(Data("redact serve: listening on http://\(host):\(port)\n".utf8))
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await app.runService() } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        if let message = failure.get() {
            Stderr.line("redact: serve: \(message)")
            throw ExitCode(ExitStatus.error)
        }
    }
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ m: String) { lock.withLock { message = m } }
    func get() -> String? { lock.withLock { message } }
}
