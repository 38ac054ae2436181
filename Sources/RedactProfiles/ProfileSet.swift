import Foundation

/// The profiles of one run: the bundled folder plus any `--profiles DIR`, in that order.
///
/// Ids are unique across every folder (a local variant takes a new id and is picked with
/// `--profile`), so a folder added later cannot silently replace a reviewed profile.
public struct ProfileSet: Sendable {
    public private(set) var profiles: [Profile] = []
    public private(set) var directories: [String] = []

    public init(profiles: [Profile] = [], directories: [String] = []) {
        self.profiles = profiles
        self.directories = directories
    }

    /// Reads every `*.profile` file of each folder (in file-name order).
    /// - Throws: ``ProfileError`` for an unreadable folder or file, a malformed profile, or a
    ///   duplicate id.
    public static func load(directories: [String]) throws(ProfileError) -> ProfileSet {
        var set = ProfileSet()
        for dir in directories {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".profile") }.sorted()
            } catch {
                throw ProfileError(file: dir, line: 0, field: "profile", "cannot read the profiles folder")
            }
            set.directories.append(dir)
            for name in names {
                let path = (dir as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ProfileError(file: path, line: 0, field: "profile", "cannot read the file")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw ProfileError(file: path, line: 0, field: "profile", "the file is not valid UTF-8")
                }
                let p = try ProfileParser.parse(text, file: path)
                if let first = set.profiles.first(where: { $0.id == p.id }) {
                    throw ProfileError(file: path, line: p.lines["id"] ?? 0, field: "id", "duplicate profile id (first in \(first.file))")
                }
                set.profiles.append(p)
            }
        }
        return set
    }

    public func profile(id: String) -> Profile? { profiles.first { $0.id == id } }

    /// The profile `--recipient TYPE` uses: the one listing TYPE in `recipients`, else the one
    /// whose id is TYPE.
    public func profile(forRecipient type: String) -> Profile? {
        profiles.first { $0.recipients.contains(type) } ?? profile(id: type)
    }

    /// The bundled profiles: `patterns/profiles` beside the bundled pattern pack
    /// (`packDirectory` is `patterns/uk`).
    public static func bundledDirectory(packDirectory: URL?) -> String? {
        guard let dir = packDirectory?.deletingLastPathComponent().appendingPathComponent("profiles") else { return nil }
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) && isDir.boolValue ? dir.path : nil
    }

    /// The offence-information pack: `patterns/offence` beside the bundled pattern pack.
    public static func offencePackDirectory(packDirectory: URL?) -> String? {
        guard let dir = packDirectory?.deletingLastPathComponent().appendingPathComponent("offence") else { return nil }
        return FileManager.default.fileExists(atPath: dir.appendingPathComponent("pack.conf").path) ? dir.path : nil
    }
}
