import Foundation
import RedactCore
import RedactPatterns

/// Everything that shapes what is found, shared by `scan`, `apply` and `check` so the three
/// commands always find the same things for the same options.
public struct ScanSetup: Sendable {
    /// Extra pack directories (`--patterns DIR`), loaded after the bundled UK pack.
    public var patternDirectories: [String] = []
    /// Skip the bundled pack (only the `--patterns` packs run).
    public var noDefaultPack = false
    /// `--names FILE`: case parties.
    public var namesFile: String? = nil
    /// Only these categories count (nil: all).
    public var categories: Set<String>? = nil
    /// These categories never count.
    public var excludedCategories: Set<String> = []
    public var chunkSize = 1 << 20
    public var scanBinary = false

    public init() {}

    /// Loads the packs and names and builds the engine.
    /// - Throws: `PackError` for a malformed pack (file, line, rule); `ScanError` otherwise.
    public func makeEngine(mode: ScanEngine.Mode = .fast) throws -> ScanEngine {
        var pack = try loadPack()
        let known = Set(Category.taxonomy.map(\.rawValue) + pack.rules.map(\.category.rawValue))
        for c in (categories ?? []).union(excludedCategories) where !known.contains(c) {
            throw ScanError(.invalidPack, path: "--categories", detail: "unknown category \(c) (valid: \(known.sorted().joined(separator: ", ")))")
        }
        pack.rules.removeAll { !counts($0.category) }
        var parties = PartyList()
        if let namesFile, counts(.personName) {
            guard let data = FileManager.default.contents(atPath: namesFile) else {
                throw ScanError(.unreadable, path: namesFile, detail: "cannot read the names file")
            }
            parties = try PartyList(fileBytes: [UInt8](data), path: namesFile)
        }
        let table = try RuleTable(pack: pack, parties: parties, validators: Self.validator(named:))
        return try ScanEngine(table: table, pack: pack, mode: mode)
    }

    /// The validator registry of `RedactPatterns`, as the engine wants it.
    public static func validator(named name: String) -> ValidateFunction? {
        guard let v = Validators.named(name) else { return nil }
        return v.check
    }

    public func counts(_ c: Category) -> Bool {
        if excludedCategories.contains(c.rawValue) { return false }
        if let categories { return categories.contains(c.rawValue) }
        return true
    }

    public func loadPack() throws -> PatternPack {
        var dirs: [URL] = []
        if !noDefaultPack {
            guard let dir = PackLoader.defaultPackDirectory() else {
                throw ScanError(.invalidPack, path: "patterns/uk",
                                detail: "the bundled pattern pack was not found (set \(PackLoader.environmentVariable) to its directory)")
            }
            dirs.append(dir)
        }
        dirs += patternDirectories.map { URL(fileURLWithPath: $0, isDirectory: true) }
        return try PackLoader.load(directories: dirs)
    }

    public func streamScanner(engine: ScanEngine) -> StreamScanner {
        StreamScanner(engine: engine, chunkSize: chunkSize, scanBinary: scanBinary)
    }
}
