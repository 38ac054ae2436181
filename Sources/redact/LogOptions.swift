import ArgumentParser
import Foundation
import RedactLog

/// Lets the root command plug the scanner into the log's free-text redaction.
///
/// The log stores no free text it has not scanned (document names, breach facts), but RedactLog
/// does not depend on the scanner. Whoever loads the pattern pack sets the hook once, before any
/// log command runs:
///
/// ```swift
/// RedactorHook.shared.redactor = ClosureRedactor(identifier: "redact-scan \(pack.version)") { scanner.redactText($0) }
/// ```
///
/// Until it is set, log commands refuse free text (`redactor-required`) rather than store it raw.
final class RedactorHook: @unchecked Sendable {
    static let shared = RedactorHook()
    private let lock = NSLock()
    private var value: (any FreeTextRedactor)?

    /// The redactor, or nil. Reads and writes are locked, so any thread may set it.
    var redactor: (any FreeTextRedactor)? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// `--reference DIR`: where the reference data comes from.
struct ReferenceOptions: ParsableArguments {
    @Option(name: .customLong("reference"),
            help: ArgumentHelp("Reference data folder (default: $REDACT_REFERENCE, then reference/ beside the binary, then the built-in copy).",
                               valueName: "dir"))
    var directory: String?

    func load() throws -> Reference {
        try LogFailure.map { try Reference.locate(explicitDirectory: directory) }
    }
}

/// `--log PATH` (or `REDACT_LOG`): which log file a command uses.
struct LogOptions: ParsableArguments {
    @Option(name: .customLong("log"), help: ArgumentHelp(
        "The log: a file (an area's SQLite log) or postgres://USER@HOST:PORT/DATABASE (the national log; password from PGPASSWORD or the URL) (default: $REDACT_LOG).",
        valueName: "path|url"))
    var path: String?

    @OptionGroup var reference: ReferenceOptions

    /// The path from `--log`, else `REDACT_LOG`, else nil (the command does not log).
    var resolvedPath: String? {
        if let path { return path }
        if let env = ProcessInfo.processInfo.environment["REDACT_LOG"], !env.isEmpty { return env }
        return nil
    }

    /// Opens the log (a file, or a `postgres://` URL for the national log); a command that needs
    /// one fails without it.
    func open(readOnly: Bool = false) throws -> any LogStore {
        guard let path = resolvedPath else { throw ValidationError("no log given: use --log PATH or set REDACT_LOG") }
        let reference = try reference.load()
        return try LogFailure.map {
            try LogLocation.open(path, reference: reference, redactor: RedactorHook.shared.redactor, readOnly: readOnly)
        }
    }
}

/// The logging options of `redact apply`: with a log, `--area`, `--case`, `--operator` and
/// `--recipient` are required; without one, nothing is logged.
///
/// ```swift
/// @OptionGroup var logging: DisclosureLogOptions
/// let recorder = try logging.recorder(packVersion: pack.version, toolVersion: version)  // nil: no log
/// try recorder?.record(document: path, original: input, redacted: output, redactions: spans)
/// ```
struct DisclosureLogOptions: ParsableArguments {
    @OptionGroup var log: LogOptions
    @Option(help: "Area code (see `redact reference areas`).") var area: String?
    @Option(help: "Team or unit within the area (a code).") var unit: String?
    @Option(name: .customLong("case"), help: "Case URN.") var caseReference: String?
    @Option(name: .customLong("operator"), help: "Id of the person disclosing.") var operatorID: String?
    @Option(help: "Id of the person who checked the redactions.") var secondChecker: String?
    @Option(help: "Recipient type (see `redact reference recipients`).") var recipient: String?

    func validate() throws {
        guard log.resolvedPath != nil else { return }
        let missing = [("--area", area), ("--case", caseReference), ("--operator", operatorID), ("--recipient", recipient)]
            .filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty { throw ValidationError("logging to a log needs \(missing.joined(separator: ", "))") }
    }

    /// The recorder for this run, or nil when no log was given. Codes are checked here, once,
    /// so a wrong area fails the run before any document is processed.
    func recorder(packVersion: String, toolVersion: String) throws -> DisclosureRecorder? {
        guard log.resolvedPath != nil, let area, let caseReference, let operatorID, let recipient else { return nil }
        let reference = try log.reference.load()
        _ = try LogFailure.map { try reference.validate(area, .areas) }
        _ = try LogFailure.map { try reference.validate(recipient, .recipients) }
        let store = try log.open()
        return DisclosureRecorder(store: store, context: LogContext(
            area: area, unit: unit, caseReference: caseReference, operatorID: operatorID, secondChecker: secondChecker,
            recipient: recipient, packVersion: packVersion, toolVersion: toolVersion))
    }
}

/// The logging options of `redact check`: with a log, `--area`, `--operator` and `--source` are
/// required (`--case` is optional: a gate may see many cases).
///
/// ```swift
/// @OptionGroup var logging: GateLogOptions
/// let gate = try logging.recorder(packVersion: pack.version, toolVersion: version)
/// try gate?.record(document: path, bytes: input, counts: countsByCategory)
/// ```
struct GateLogOptions: ParsableArguments {
    @OptionGroup var log: LogOptions
    @Option(help: "Area code (see `redact reference areas`).") var area: String?
    @Option(help: "Team or unit within the area (a code).") var unit: String?
    @Option(name: .customLong("case"), help: "Case URN.") var caseReference: String?
    @Option(name: .customLong("operator"), help: "Id of the person or pipeline running the check.") var operatorID: String?
    @Option(help: "Organisation the material came from (see `redact reference sources`).") var source: String?
    @Flag(help: "The material is our own output before sharing: record near misses, not incoming failures to redact.")
    var outgoing = false

    func validate() throws {
        guard log.resolvedPath != nil else { return }
        var missing = [("--area", area), ("--operator", operatorID)].filter { $0.1 == nil }.map(\.0)
        if !outgoing && source == nil { missing.append("--source") }
        if !missing.isEmpty { throw ValidationError("logging to a log needs \(missing.joined(separator: ", "))") }
    }

    func recorder(packVersion: String, toolVersion: String) throws -> GateRecorder? {
        guard log.resolvedPath != nil, let area, let operatorID else { return nil }
        let reference = try log.reference.load()
        _ = try LogFailure.map { try reference.validate(area, .areas) }
        if let source { _ = try LogFailure.map { try reference.validate(source, .sources) } }
        let store = try log.open()
        return GateRecorder(store: store, context: GateContext(
            area: area, unit: unit, caseReference: caseReference, operatorID: operatorID, sourceOrganisation: source,
            stage: outgoing ? .nearMiss : .incomingFailureToRedact, packVersion: packVersion, toolVersion: toolVersion))
    }
}

/// Maps log errors to messages and exit codes, in one place.
///
/// Exit codes of the log and breach commands:
/// - 0: success (`log verify`: the chain is intact)
/// - 1: integrity: `log verify` found a broken entry; an import was rejected or conflicts
/// - 2: the log refused a value: invalid, an unknown code (the valid ones are listed), free
///   text with no redactor wired, no such breach, unreadable reference data
/// - 3: storage: read-only or full disk, locked past the timeout, not a log, newer schema
/// - 64: the command line itself is malformed (ArgumentParser's usage error: a missing option,
///   a date that does not parse)
enum LogFailure {
    static func code(for kind: LogError.Kind) -> Int32 {
        switch kind {
        case .chainBroken, .importRejected, .conflict: 1
        case .invalidInput, .unknownCode, .redactorRequired, .notFound, .reference: 2
        case .readOnly, .storageFull, .busy, .storage, .unsupportedSchema: 3
        }
    }

    /// Prints `error` and returns the exit code to throw.
    static func exit(_ error: LogError) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        return ExitCode(code(for: error.kind))
    }

    /// Runs `body`; a `LogError` is printed to standard error and becomes its exit code.
    @discardableResult
    static func map<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as LogError {
            throw exit(e)
        }
    }

    /// Parses a time option strictly (see `LogTime.parse`).
    static func time(_ text: String?, option: String) throws -> Date? {
        guard let text else { return nil }
        guard let d = LogTime.parse(text) else {
            throw ValidationError("\(option): expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] with Z or an offset such as +01:00")
        }
        return d
    }
}
