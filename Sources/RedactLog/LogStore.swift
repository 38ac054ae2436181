import Foundation

/// The national redaction and breach log, as callers use it.
///
/// `redact apply`, `redact check`, the breach commands and (later) the server talk to this
/// protocol, never to SQLite: ``SQLiteLogStore`` is the first implementation, and a PostgreSQL
/// store can follow without touching them. What is shared between implementations lives outside
/// them: validation and free-text redaction (``EntryBuilder``), the canonical encoding and hash
/// chain (``HashChain``), and the export format (``LogExport``).
///
/// Guarantees every implementation keeps:
/// - **Append only.** There is no update or delete; a correction is a new entry naming the old
///   one (``DisclosureEvent/corrects``), a breach update is a new version.
/// - **All or nothing.** An entry and all its rows are written in one transaction that takes the
///   write lock at its start, so concurrent writers queue instead of failing, and a crash leaves
///   either the whole entry or none of it.
/// - **One chain.** Each entry carries the hash of the one before; ``verify(against:)`` finds the
///   first entry that does not match.
/// - **No personal data.** Never the matched text; free text is redacted before it is stored.
///
/// ```swift
/// let log: any LogStore = try SQLiteLogStore(path: "area.sqlite", redactor: scannerRedactor)
/// try log.recordDisclosure(DisclosureEvent(context: ctx, documentName: name,
///     originalSHA256: a, redactedSHA256: b, redactions: spans))
/// ```
public protocol LogStore: Sendable {
    /// The id of this log (a UUID made when it was created); the chain's genesis derives from it.
    var logID: String { get }

    /// Appends one disclosure event with its redaction rows. An id already in the log is refused
    /// (`.conflict`), so a caller retrying after a crash can tell whether the first try landed.
    @discardableResult
    func recordDisclosure(_ event: DisclosureEvent) throws -> EntryReceipt

    /// Records a gate finding as a breach-register record (see ``GateFinding``).
    @discardableResult
    func recordGateFinding(_ finding: GateFinding) throws -> EntryReceipt

    /// Records a new breach or near miss (version 1). Its id must be new.
    @discardableResult
    func recordBreach(_ record: BreachRecord) throws -> EntryReceipt

    /// Records a new version of a breach: `change` edits a copy of the latest version, inside the
    /// write transaction (so two updaters cannot both write version N+1).
    @discardableResult
    func updateBreach(id: UUID, recordedBy: String, _ change: (inout BreachRecord) throws -> Void) throws -> EntryReceipt

    /// Every version of a breach, oldest first; empty if there is none.
    func breachHistory(id: UUID) throws -> [BreachRecord]

    /// The latest version of each breach that matches.
    func breaches(_ filter: BreachFilter) throws -> [BreachRecord]

    /// Breaches whose 72-hour clock has less than `warningHours` left (or has run out) with no ICO
    /// decision, or with a decision to report and no report.
    func overdueBreaches(warningHours: Double) throws -> [OverdueBreach]

    /// The number of entries and the hash of the last one.
    func checkpoint() throws -> Checkpoint

    /// Walks the whole chain. With a checkpoint, also proves that the log is an extension of the
    /// log the checkpoint was taken from (only appended to since).
    func verify(against checkpoint: Checkpoint?) throws -> VerifyReport

    /// Writes the entries that match `filter`, with their chain fields, to `output`.
    @discardableResult
    func export(format: ExportFormat, filter: ExportFilter, to output: any LogOutput) throws -> ExportSummary

    /// Merges an export of another log (JSON Lines), verifying its chain first. Importing the same
    /// export twice adds nothing the second time.
    @discardableResult
    func importExport(_ input: any LogInput) throws -> ImportSummary

    /// The reference data the log validates codes against.
    var reference: Reference { get }

    // MARK: QA second checks (issue 6)

    /// Appends a QA second check (entry kind `qa-check`), linked to the disclosure it checked.
    @discardableResult
    func recordQACheck(_ record: QACheckRecord) throws -> EntryReceipt

    /// The QA checks of an area (or all), oldest first, recorded within `[since, until)`.
    func qaChecks(area: String?, since: Date?, until: Date?) throws -> [QACheckRecord]

    /// The uncorrected disclosures of `area` recorded within `[since, until)`, in chain order.
    func disclosures(area: String, since: Date, until: Date) throws -> [DisclosureSummary]

    // MARK: The access table of `redact serve` (outside the chain)

    @discardableResult
    func createAccessToken(name: String, role: String, area: String?, sha256: String) throws -> AccessToken
    func accessToken(sha256: String) throws -> AccessToken?
    func accessToken(id: String) throws -> AccessToken?
    func accessTokens() throws -> [AccessToken]
    @discardableResult
    func revokeAccessToken(_ idOrName: String) throws -> AccessToken
}

/// Opens the log a `--log` value names: a `postgres://` URL (the national tier) or a file path
/// (an area's SQLite log).
public enum LogLocation {
    /// Opens (creating and migrating, unless `readOnly`) the log at `location`.
    public static func open(_ location: String, reference: Reference = .builtIn, redactor: (any FreeTextRedactor)? = nil,
                            readOnly: Bool = false) throws -> any LogStore {
        if PostgresURL.isPostgres(location) {
            guard let url = PostgresURL(location) else {
                throw LogError(.invalidInput, "the log URL is not a valid postgres:// URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
            }
            return try PostgresLogStore(url: url, reference: reference, redactor: redactor,
                                        options: .init(readOnly: readOnly))
        }
        return try SQLiteLogStore(path: location, reference: reference, redactor: redactor, options: .init(readOnly: readOnly))
    }

    /// How to name a log in messages: a path as given, a URL without its password.
    public static func describe(_ location: String) -> String {
        PostgresURL.isPostgres(location) ? (PostgresURL(location)?.description ?? "postgres://(unparsable)") : location
    }
}

/// The head of a log: enough for a national copy to prove later that the area's log was only
/// appended to (``LogStore/verify(against:)``).
public struct Checkpoint: Sendable, Equatable, CustomStringConvertible {
    public var logID: String
    public var count: Int64
    /// The hash of entry `count` (the genesis value for an empty log).
    public var headHash: String

    public init(logID: String, count: Int64, headHash: String) {
        self.logID = logID
        self.count = count
        self.headHash = headHash
    }

    /// `COUNT:HASH`, the form `redact log verify --checkpoint` accepts.
    public var description: String { "\(count):\(headHash)" }

    /// Parses `COUNT:HASH` (the log id is not part of the text form; pass the log's own).
    public init?(_ text: String, logID: String = "") {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let n = Int64(parts[0]), n >= 0, Validation.isHex(parts[1], length: 64) else { return nil }
        self.init(logID: logID, count: n, headHash: parts[1])
    }
}

/// The outcome of ``LogStore/verify(against:)``.
public struct VerifyReport: Sendable, Equatable {
    /// The first entry that does not verify.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var seq: Int64
        public var entryID: String?
        public var reason: String
        public var description: String {
            "entry \(seq)" + (entryID.map { " (\($0))" } ?? "") + ": " + reason
        }
    }
    /// Entries checked (all of them when the chain is intact).
    public var entries: Int64
    public var head: Checkpoint
    public var problem: Problem?
    public var isValid: Bool { problem == nil }
}

public enum ExportFormat: String, Sendable, CaseIterable {
    /// One JSON object per line: a header, then one per entry with all its rows. Lossless; the
    /// format `import` reads.
    case jsonl
    /// One row per entry part (`record` = disclosure, redaction or breach), for spreadsheets.
    case csv
}

/// Which entries to export: by area, and by `recorded_at` (`since` inclusive, `until` exclusive).
public struct ExportFilter: Sendable, Equatable {
    public var area: String?
    public var since: Date?
    public var until: Date?

    public init(area: String? = nil, since: Date? = nil, until: Date? = nil) {
        self.area = area
        self.since = since
        self.until = until
    }

    public var isEmpty: Bool { area == nil && since == nil && until == nil }
}

public struct ExportSummary: Sendable, Equatable {
    public var entries: Int64
    public var head: Checkpoint
}

public struct ImportSummary: Sendable, Equatable {
    /// The log the export came from.
    public var sourceLogID: String
    /// Entries in the file, entries added, and entries already present (skipped).
    public var read: Int64
    public var added: Int64
    public var skipped: Int64
    /// Whether the file held the source's whole chain (then its head was checked too).
    public var complete: Bool
}

/// Where an export goes: a file, standard output, or memory (tests).
public protocol LogOutput: AnyObject {
    func write(_ text: String) throws
    func flush() throws
}

/// Where an import comes from: lines of text.
public protocol LogInput: AnyObject {
    /// The next line without its terminator, or nil at the end.
    func readLine() throws -> String?
    /// A name for messages (a file name; never contents).
    var name: String { get }
}
