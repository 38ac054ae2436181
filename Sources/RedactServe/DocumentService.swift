import Foundation
import RedactApply
import RedactCore
import RedactLog
import RedactPatterns
import RedactProfiles
import RedactScan

/// The scanner as the server uses it: packs compiled once, one engine shared by every request
/// (a per-request party list rebuilds only the name automaton), scratch reused from a pool.
public final class DocumentService: Sendable {
    public let factory: EngineFactory
    public let reference: Reference
    public let profiles: ProfileSet
    public let logRedactor: any FreeTextRedactor
    let pool: ScratchPool
    public let workDirectory: String
    public let version: String
    /// The engine with the offence-information pack too, for profiles that run it (built on
    /// first use: most servers never need it).
    let offence: OffenceEngine

    public init(configuration: ServeConfiguration, version: String) throws {
        var setup = ScanSetup()
        setup.patternDirectories = configuration.patternDirectories
        // A request's party list is written beside its spooled body as STEM.parties.txt.
        setup.namesBeside = true
        self.factory = try setup.makeFactory()
        self.reference = try Reference.locate(explicitDirectory: configuration.referenceDirectory)
        var dirs: [String] = []
        if let bundled = ProfileSet.bundledDirectory(packDirectory: PackLoader.defaultPackDirectory()) { dirs.append(bundled) }
        dirs += configuration.profileDirectories
        self.profiles = try ProfileSet.load(directories: dirs)
        let text = TextRedactor(engine: factory.shared)
        let table = factory.shared.table
        self.logRedactor = ClosureRedactor(identifier: "redact \(version) \(table.packName) \(table.packVersion)") { text.redact($0) }
        self.pool = ScratchPool(engine: factory.shared)
        self.workDirectory = configuration.workDirectory ?? NSTemporaryDirectory()
        self.version = version
        self.offence = OffenceEngine(setup: setup,
                                     directory: ProfileSet.offencePackDirectory(packDirectory: PackLoader.defaultPackDirectory()))
    }

    /// The factory and scratch pool for a policy: with the offence pack when its profile runs it.
    func engines(for policy: RedactionPolicy?) throws -> (EngineFactory, ScratchPool) {
        guard policy?.profile?.offencePack == true else { return (factory, pool) }
        return try offence.get()
    }
}

/// Builds the engine with the offence-information pack once, on first use, under a lock.
final class OffenceEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var built: (EngineFactory, ScratchPool)?
    private let setup: ScanSetup
    private let directory: String?

    init(setup: ScanSetup, directory: String?) {
        self.setup = setup
        self.directory = directory
    }

    func get() throws -> (EngineFactory, ScratchPool) {
        try lock.withLock {
            if let built { return built }
            guard let directory else {
                throw ServeProblem(.unprocessableContent, "this profile runs the offence-information pack, which was not found beside the bundled pack",
                                   code: "profile-not-served")
            }
            var s = setup
            s.patternDirectories.append(directory)
            let factory: EngineFactory
            do { factory = try s.makeFactory() } catch {
                throw ServeProblem(.internalServerError, "the offence-information pack could not be loaded", code: "pack")
            }
            let b = (factory, ScratchPool(engine: factory.shared))
            built = b
            return b
        }
    }
}
