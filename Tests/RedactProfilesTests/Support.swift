import Foundation
import RedactCore
@testable import RedactProfiles

/// The repository's files (this file is Tests/RedactProfilesTests/Support.swift).
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var profiles: String { root.appendingPathComponent("patterns/profiles").path }

    /// `code<TAB>label<TAB>attr` rows of a reference file.
    static func reference(_ name: String) -> [[String]] {
        let text = (try? String(contentsOf: root.appendingPathComponent("reference/\(name).tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { $0.split(separator: "\t").map(String.init) }
    }

    /// The vocabulary the CLI builds, from the committed reference files.
    static let vocabulary: ProfileVocabulary = {
        var j: [String: Bool] = [:]
        for row in reference("justifications") { j[row[0]] = row.count > 2 && row[2] == "keep" }
        return ProfileVocabulary(categories: Set(Category.known.map(\.rawValue)), justifications: j,
                                 recipients: Set(reference("recipients").map { $0[0] }))
    }()

    static let defaults: [String: String] = Dictionary(uniqueKeysWithValues: reference("category-justifications").map { ($0[0], $0[1]) })

    static func bundled() throws -> ProfileSet { try ProfileSet.load(directories: [profiles]) }
}

/// A valid profile to mutate in the malformed-profile tables.
let minimalProfile = """
    id = test
    version = 1.0
    label = Test profile
    recipients = charity
    legal_basis = a test
    section14 = none
    agreement = 4
    signatory = governor-director
    offence_pack = false
    redact = nhs_number medical
    keep = person_name consent
    redact_role = victim third-party-data
    redact_role = witness third-party-data
    keep_role = defendant required-for-case
    redact_role = officer privacy
    redact_role = professional privacy

    """
