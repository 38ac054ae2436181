import Foundation
import RedactPatterns

/// Where the repository's bundled pack is: walk up from this file to the folder holding
/// `patterns/uk/pack.conf` (works in the repository and in a harness that symlinks this folder).
enum TestPacks {
    static let ukDirectory: URL? = {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("patterns/uk")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("pack.conf").path) {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// The UK pack, or the error that refused it.
    static let uk: Result<PatternPack, PackError> = {
        guard let dir = ukDirectory else { return .failure(PackError(.missingPackConf, file: "patterns/uk", line: 0)) }
        return Result { () throws(PackError) in try PackLoader.load(directories: [dir]) }
    }()

    /// Rule ids of the UK pack (empty when it does not load; a separate test reports that).
    static let ukRuleIDs: [String] = (try? uk.get())?.rules.map(\.id) ?? []
}

/// A temporary pack directory for loader tests, removed on deinit.
final class TempPack {
    let url: URL

    init(conf: String? = "name = test\nversion = 1\n", rules: [String: String] = [:], dictionaries: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("redact-pack-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if let conf { try conf.write(to: url.appendingPathComponent("pack.conf"), atomically: true, encoding: .utf8) }
        for (name, text) in rules {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        if !dictionaries.isEmpty {
            let d = url.appendingPathComponent("dictionaries", isDirectory: true)
            try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
            for (name, text) in dictionaries {
                try text.write(to: d.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
            }
        }
    }

    func path(_ file: String) -> String { url.appendingPathComponent(file).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
