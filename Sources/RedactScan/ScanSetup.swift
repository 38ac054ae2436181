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
    /// `--names-beside`: each input `DIR/STEM.EXT` also uses `DIR/STEM.parties.txt` if it exists
    /// (and files named `*.parties.txt` are lists, not documents, so they are not scanned).
    public var namesBeside = false
    /// Only these categories count (nil: all).
    public var categories: Set<String>? = nil
    /// These categories never count.
    public var excludedCategories: Set<String> = []
    public var chunkSize = 1 << 20
    public var scanBinary = false
    /// Read regular files through a memory map (`StreamScanner.mapFiles`; the `redact` command
    /// turns it on and handles SIGBUS, `--no-mmap` turns it off).
    public var mapFiles = false

    public init() {}

    /// Loads the packs and names and builds what makes each input's engine.
    public func makeFactory() throws -> EngineFactory {
        let pack = try filteredPack()
        var parties = PartyList()
        if let namesFile, counts(.personName) { parties = try PartyList.load(path: namesFile) }
        let table = try RuleTable(pack: pack, parties: parties, validators: Self.validator(named:))
        return try EngineFactory(setup: self, pack: pack, table: table)
    }

    /// The party list beside `input` (`STEM.parties.txt`), if `namesBeside` and it exists.
    public func partyListPath(beside input: Input) -> String? {
        guard namesBeside, !input.isStandardInput else { return nil }
        let url = URL(fileURLWithPath: input.path)
        let path = url.deletingPathExtension().path + ".parties.txt"
        return FileManager.default.fileExists(atPath: path) && path != input.path ? path : nil
    }

    func filteredPack() throws -> PatternPack {
        var pack = try loadPack()
        let known = Set(Category.taxonomy.map(\.rawValue) + pack.rules.map(\.category.rawValue))
        for c in (categories ?? []).union(excludedCategories) where !known.contains(c) {
            throw ScanError(.invalidPack, path: "--categories", detail: "unknown category \(c) (valid: \(known.sorted().joined(separator: ", ")))")
        }
        pack.rules.removeAll { !counts($0.category) }
        return pack
    }

    /// Loads the packs and names and builds the engine.
    /// - Throws: `PackError` for a malformed pack (file, line, rule); `ScanError` otherwise.
    public func makeEngine(mode: ScanEngine.Mode = .fast) throws -> ScanEngine {
        let pack = try filteredPack()
        var parties = PartyList()
        if let namesFile, counts(.personName) { parties = try PartyList.load(path: namesFile) }
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
        StreamScanner(engine: engine, chunkSize: chunkSize, scanBinary: scanBinary, mapFiles: mapFiles)
    }
}

/// Makes the engine for each input: one shared engine, or, with `--names-beside`, one per
/// input that has a party list beside it. Rules are compiled once either way; only the name
/// automaton is rebuilt.
public final class EngineFactory: Sendable {
    public let setup: ScanSetup
    public let shared: ScanEngine
    let pack: PatternPack
    let table: RuleTable

    init(setup: ScanSetup, pack: PatternPack, table: RuleTable) throws {
        self.setup = setup
        self.pack = pack
        self.table = table
        self.shared = try ScanEngine(table: table, pack: pack)
    }

    /// The engine for `input`. - Throws: `ScanError` for an unreadable or malformed party list.
    public func engine(for input: Input) throws -> ScanEngine {
        guard setup.counts(.personName), let path = setup.partyListPath(beside: input) else { return shared }
        let parties = table.parties.merged(with: try PartyList.load(path: path))
        return try ScanEngine(table: table.with(parties: parties), pack: pack)
    }

    /// Whether `input` is a party list that `--names-beside` reads rather than scans.
    public func isPartyList(_ input: Input) -> Bool {
        setup.namesBeside && input.path.hasSuffix(".parties.txt")
    }
}

extension EngineFactory {
    /// Scans one input with its engine, reusing the shared engine's scratch from `pool`.
    /// Never throws: errors are in the result.
    public func scanFile(_ input: Input, pool: ScratchPool, withLines: Bool = true, withText: Bool = false,
                         progress: ProgressCounter? = nil, workers: Int = 1,
                         observer: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil, keep: Bool = true,
                         onFinding: ((LocatedFinding) -> Void)? = nil) -> FileScanResult {
        let engine: ScanEngine
        do { engine = try self.engine(for: input) } catch let e as ScanError {
            return FileScanResult(input: input, error: e)
        } catch {
            return FileScanResult(input: input, error: ScanError(.invalidNames, path: input.path, detail: "\(error)"))
        }
        let scanner = setup.streamScanner(engine: engine)
        if engine === shared {
            return pool.withScratch {
                scanner.scanFile(input, scratch: $0, withLines: withLines, withText: withText, progress: progress,
                                 workers: workers, observer: observer, keep: keep, onFinding: onFinding)
            }
        }
        return scanner.scanFile(input, scratch: engine.makeScratch(), withLines: withLines, withText: withText,
                                progress: progress, workers: workers, observer: observer, keep: keep, onFinding: onFinding)
    }

    /// Expands paths into inputs, leaving out the party lists `--names-beside` reads.
    public func expand(_ paths: [String]) -> (inputs: [Input], errors: [ScanError]) {
        let (inputs, errors) = InputWalker.expand(paths)
        return (inputs.filter { !isPartyList($0) }, errors)
    }
}
