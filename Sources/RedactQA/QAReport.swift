import RedactLog

/// One problem the QA second check found. Offsets, categories and rules only: never the text,
/// unless the caller asked for it (`--show-text`) for a finding left in the copy.
public struct QAProblem: Sendable, Equatable {
    public enum Check: String, Sendable, CaseIterable {
        /// (a) The scanner still finds personal data in the redacted copy.
        case findingLeft = "finding-left"
        /// (b) Bytes outside the manifest's spans differ from the original (or are missing).
        case changedOutside = "changed-outside"
        /// (c) A manifest span whose output is not a mark of its style.
        case spanNotRedacted = "span-not-redacted"
        /// The manifest does not describe these files (digests, sizes, spans).
        case manifest
    }

    public var check: Check
    /// What exactly: `unchanged`, `not-a-mark`, `kept-changed`, `differs`, `truncated`,
    /// `extra-bytes`, `sha256-original`, `bytes-redacted`, ... (codes, never content).
    public var detail: String
    /// Where in the redacted copy (`end` exclusive), when known.
    public var outputStart: Int?
    public var outputEnd: Int?
    /// Where in the original, when known.
    public var originalStart: Int?
    public var originalEnd: Int?
    /// Line and byte column in the redacted copy (findings left only).
    public var line: Int?
    public var column: Int?
    public var category: String?
    public var rule: String?
    /// The manifest entry's index (span problems only).
    public var span: Int?
    /// The matched text, only with `--show-text`.
    public var text: String?

    public init(check: Check, detail: String, outputStart: Int? = nil, outputEnd: Int? = nil, originalStart: Int? = nil,
                originalEnd: Int? = nil, line: Int? = nil, column: Int? = nil, category: String? = nil, rule: String? = nil,
                span: Int? = nil, text: String? = nil) {
        self.check = check
        self.detail = detail
        self.outputStart = outputStart
        self.outputEnd = outputEnd
        self.originalStart = originalStart
        self.originalEnd = originalEnd
        self.line = line
        self.column = column
        self.category = category
        self.rule = rule
        self.span = span
        self.text = text
    }
}

/// The outcome of checking one redacted copy against its original and manifest.
public struct QAReport: Sendable, Equatable {
    public var originalPath: String
    public var redactedPath: String
    public var manifestPath: String
    /// Spans in the manifest.
    public var spans = 0
    /// Bytes outside the spans compared between the two files.
    public var bytesCompared = 0
    /// Findings in the copy that lie inside the marks (not counted as left; see ``LeftoverRule``).
    public var findingsInsideMarks = 0
    /// Findings in the copy that unchanged original bytes gave only because the redaction moved
    /// context nearer (not counted as left; see ``ShiftedContext``).
    public var findingsFromShiftedContext = 0
    /// Problem counts per check (every problem counts, listed or not).
    public var counts: [QAProblem.Check: Int] = [:]
    /// Findings left per category.
    public var leftByCategory: [String: Int] = [:]
    /// The first ``QAChecker/maxListed`` problems, in the order found.
    public var problems: [QAProblem] = []
    /// Digests and sizes of the files as read.
    public var originalSHA256 = ""
    public var redactedSHA256 = ""
    public var bytesOriginal = 0
    public var bytesRedacted = 0

    public init(originalPath: String, redactedPath: String, manifestPath: String) {
        self.originalPath = originalPath
        self.redactedPath = redactedPath
        self.manifestPath = manifestPath
    }

    public func count(_ c: QAProblem.Check) -> Int { counts[c] ?? 0 }
    public var problemCount: Int { counts.values.reduce(0, +) }
    public var result: QAResult { problemCount == 0 ? .pass : .fail }
    /// Whether some problems were counted but not listed.
    public var truncated: Bool { problems.count < problemCount }

    mutating func add(_ p: QAProblem, limit: Int) {
        counts[p.check, default: 0] += 1
        if p.check == .findingLeft, let c = p.category { leftByCategory[c, default: 0] += 1 }
        if problems.count < limit { problems.append(p) }
    }
}

/// Why a check could not be run at all (exit 2): the files or the manifest are unusable.
public struct QAError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable { case unreadable, badManifest, binary }
    public var kind: Kind
    public var path: String
    public var detail: String

    public init(_ kind: Kind, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    public var description: String { "\(path): \(detail)" }
}
