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
    }
}
