import Foundation
import RedactCore

/// The reference data the log validates codes against: areas, recipients, breach types,
/// severities, justifications, source organisations, data categories, and the default
/// justification of each taxonomy category.
///
/// ## Why files
/// Areas are reorganised and the ICO revises its incident types; that should be a reviewed
/// edit of a text file, not a code change. The files live in the repository's `reference/`
/// folder (its README documents the format):
///
/// ```
/// # comment
/// code<TAB>label[<TAB>attribute...]
/// ```
///
/// Codes are lower case letters, digits and hyphens (URL-safe), except in
/// `category-justifications.tsv`, whose keys are taxonomy ids (`nhs_number`).
///
/// ## Where they are found
/// ``locate(explicitDirectory:environment:)`` tries, in order: an explicit directory (`--reference`),
/// the `REDACT_REFERENCE` environment variable, `reference/` beside the executable, and
/// `../share/redact/reference/` relative to the executable. If none exists it uses the copy
/// compiled into the binary (``ReferenceDefaults``), which a test keeps identical to the
/// repository's files, so an installed binary works anywhere. The current directory is *not*
/// searched: a stray `reference/` folder in someone's case directory must not change what the
/// log accepts.
public struct Reference: Sendable {
    /// One reference list.
    public enum Kind: String, CaseIterable, Sendable {
        case areas
        case recipients
        case breachTypes = "breach-types"
        case severities
        case justifications
        case sources
        case dataCategories = "data-categories"
        case categoryJustifications = "category-justifications"

        /// The file name inside the reference folder.
        public var fileName: String { rawValue + ".tsv" }
        /// What the code names, for messages (`unknown area 'x'`).
        var noun: String {
            switch self {
            case .areas: "area"
            case .recipients: "recipient type"
            case .breachTypes: "breach type"
            case .severities: "severity"
            case .justifications: "justification"
            case .sources: "source organisation"
            case .dataCategories: "data category"
            case .categoryJustifications: "category"
            }
        }
    }

    /// One line of a reference file.
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var label: String
        /// Further tab-separated columns (the area's group, the breach type's ICO category).
        public var attributes: [String]
    }

    /// Where the data came from: a directory path, or `"built-in"`.
    public let origin: String
    private let tables: [Kind: [Entry]]
    private let index: [Kind: [String: Int]]

    /// The lists in file order.
    public func entries(_ kind: Kind) -> [Entry] { tables[kind] ?? [] }

    /// Valid codes in file order.
    public func codes(_ kind: Kind) -> [String] { entries(kind).map(\.code) }

    public func contains(_ code: String, in kind: Kind) -> Bool { index[kind]?[code] != nil }

    public func entry(_ code: String, in kind: Kind) -> Entry? {
        guard let i = index[kind]?[code] else { return nil }
        return tables[kind]?[i]
    }

    /// Returns `code` if it is valid, else throws `.unknownCode` listing the valid ones.
    public func validate(_ code: String, _ kind: Kind) throws -> String {
        guard contains(code, in: kind) else {
            throw LogError(.unknownCode, "unknown \(kind.noun) \(LogError.show(code))", validCodes: codes(kind))
        }
        return code
    }

    /// The default justification for a category: from `category-justifications.tsv`, else `privacy`.
    public func defaultJustification(for category: String) -> String {
        entry(category, in: .categoryJustifications)?.label ?? "privacy"
    }

    /// Whether a justification records a decision *not* to redact (third column `keep`).
    public func isKeepDecision(_ justification: String) -> Bool {
        entry(justification, in: .justifications)?.attributes.first == "keep"
    }

    // MARK: - Loading

    /// Parses reference files given as text, keyed by kind. Every kind must be present.
    public init(texts: [Kind: String], origin: String) throws {
        var tables: [Kind: [Entry]] = [:]
        var index: [Kind: [String: Int]] = [:]
        for kind in Kind.allCases {
            guard let text = texts[kind] else {
                throw LogError(.reference, "reference data \(origin): \(kind.fileName) is missing")
            }
            var list: [Entry] = []
            var seen: [String: Int] = [:]
            for (n, line) in TextLines.split(text).enumerated() {
                if line.isEmpty || line.hasPrefix("#") { continue }
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                let where_ = "\(kind.fileName) line \(n + 1)"
                guard cols.count >= 2, !cols[1].isEmpty else {
                    throw LogError(.reference, "reference data \(origin): \(where_): expected code<TAB>label")
                }
                let valid = kind == .categoryJustifications ? Validation.isCategory(cols[0]) : Validation.isCode(cols[0])
                guard valid else {
                    throw LogError(.reference, "reference data \(origin): \(where_): code must be lower case letters, digits and hyphens")
                }
                guard seen[cols[0]] == nil else {
                    throw LogError(.reference, "reference data \(origin): \(where_): duplicate code \(cols[0])")
                }
                seen[cols[0]] = list.count
                list.append(Entry(code: cols[0], label: cols[1], attributes: Array(cols.dropFirst(2))))
            }
            guard !list.isEmpty else { throw LogError(.reference, "reference data \(origin): \(kind.fileName) is empty") }
            tables[kind] = list
            index[kind] = seen
        }
        self.origin = origin
        self.tables = tables
        self.index = index
        // Cross-check: every default justification must be a justification code.
        for e in entries(.categoryJustifications) where !contains(e.label, in: .justifications) {
            throw LogError(.reference, "reference data \(origin): category-justifications.tsv: \(e.code) names an unknown justification")
        }
    }

    /// Loads every file from `directory`.
    public static func load(directory: URL) throws -> Reference {
        var texts: [Kind: String] = [:]
        for kind in Kind.allCases {
            let url = directory.appendingPathComponent(kind.fileName)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LogError(.reference, "reference data \(directory.path): cannot read \(kind.fileName)")
            }
            texts[kind] = String(decoding: data, as: UTF8.self)
        }
        return try Reference(texts: texts, origin: directory.path)
    }

    /// The compiled-in copy of the repository's `reference/` folder.
    public static let builtIn: Reference = {
        do {
            return try Reference(texts: ReferenceDefaults.texts, origin: "built-in")
        } catch {
            // The built-in copy is checked by the test suite; failing here is a build defect.
            preconditionFailure("built-in reference data is invalid: \(error)")
        }
    }()

    /// Finds and loads the reference data (see the type's documentation for the order).
    ///
    /// - Parameters:
    ///   - explicitDirectory: a directory given on the command line; it must exist.
    ///   - environment: the process environment (`REDACT_REFERENCE`).
    public static func locate(
        explicitDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Reference {
        if let dir = explicitDirectory { return try load(directory: URL(fileURLWithPath: dir)) }
        if let dir = environment["REDACT_REFERENCE"], !dir.isEmpty { return try load(directory: URL(fileURLWithPath: dir)) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [exe.appendingPathComponent("reference"), exe.appendingPathComponent("../share/redact/reference")] {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(Kind.areas.fileName).path, isDirectory: &isDir), !isDir.boolValue {
                return try load(directory: candidate.standardizedFileURL)
            }
        }
        return builtIn
    }
}
