import ArgumentParser
import Foundation
import RedactCore
import RedactLog
import RedactPatterns
import RedactProfiles

/// `--profile NAME` and `--profiles DIR`: which sharing profile shapes a recipient's copy.
/// (`--recipient TYPE` picks its type's profile; it lives with the logging options in `apply`.)
struct ProfileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Use this sharing profile instead of the recipient type's own (see `redact profiles list`).", valueName: "NAME"))
    var profile: String?

    @Option(name: .customLong("profiles"), help: ArgumentHelp("Also load the sharing profiles in DIR (repeatable).", valueName: "DIR"))
    var profileDirectories: [String] = []
}

/// `--recipient TYPE` for `scan` and `check`: report what that recipient's copy would need redacted.
struct RecipientOption: ParsableArguments {
    @Option(help: ArgumentHelp("Recipient type: use its sharing profile (see `redact reference recipients`).", valueName: "TYPE"))
    var recipient: String?
}

/// The `apply` options of a share: who sends, on what basis, and what the operator decided to keep.
struct ShareOptions: ParsableArguments {
    @Option(help: ArgumentHelp("What the sender is, as a recipient type (police, local-authority, ...), for the section 14 check; default: from the --area group.", valueName: "TYPE"))
    var sender: String?

    @Option(help: ArgumentHelp("The power a share rests on when section 14 does not authorise it (List B to List B). Logged after redaction.", valueName: "TEXT"))
    var basis: String?

    @Option(help: ArgumentHelp("Do not redact: a category, a rule id, START-END or FILE:START-END byte offsets (repeatable; needs --reason).", valueName: "RULE_OR_SPAN"))
    var keep: [String] = []

    @Option(help: ArgumentHelp("Why (one for all --keep, or one per --keep in order). Logged after redaction.", valueName: "TEXT"))
    var reason: [String] = []

    @Option(help: ArgumentHelp("The keep justification code logged for --keep (see `redact reference justifications`).", valueName: "CODE"))
    var keepJustification: String = "required-for-case"

    @Flag(help: "Release documents the profile would hold for review (they were reviewed: needs --second-checker).")
    var releaseHeld = false

    func validate() throws {
        if !keep.isEmpty && reason.isEmpty { throw ValidationError("--keep needs --reason TEXT (why the data is left in)") }
        if reason.count > 1 && reason.count != keep.count {
            throw ValidationError("give one --reason for all --keep, or one per --keep (\(keep.count) --keep, \(reason.count) --reason)")
        }
        if keep.isEmpty && !reason.isEmpty { throw ValidationError("--reason is for --keep") }
    }
}

/// Where profiles come from, and their vocabulary, for every command that uses them.
enum Profiles {
    /// The bundled folder (`patterns/profiles` beside the bundled pack), then each `--profiles DIR`.
    static func load(_ options: ProfileOptions) throws -> ProfileSet {
        var dirs: [String] = []
        if let bundled = ProfileSet.bundledDirectory(packDirectory: PackLoader.defaultPackDirectory()) { dirs.append(bundled) }
        dirs += options.profileDirectories
        do { return try ProfileSet.load(directories: dirs) } catch {
            Stderr.line("redact: \(error)")
            throw ExitCode(ExitStatus.error)
        }
    }

    /// The codes a profile may name: known categories, and the reference data's justifications and recipients.
    static func vocabulary(_ reference: Reference) -> ProfileVocabulary {
        var justifications: [String: Bool] = [:]
        for e in reference.entries(.justifications) { justifications[e.code] = e.attributes.first == "keep" }
        return ProfileVocabulary(categories: Set(Category.known.map(\.rawValue)), justifications: justifications,
                                 recipients: Set(reference.codes(.recipients)))
    }

    /// The profile for `--profile NAME`, else for `--recipient TYPE`, else nil; refused (exit 2,
    /// naming file, line and field) if it has any problem.
    static func select(recipient: String?, options: ProfileOptions, reference: Reference) throws -> Profile? {
        guard options.profile != nil || recipient != nil else { return nil }
        let set = try load(options)
        if let recipient, !reference.contains(recipient, in: .recipients) {
            Stderr.line("redact: unknown recipient type \(recipient) (valid: \(reference.codes(.recipients).joined(separator: ", ")))")
            throw ExitCode(ExitStatus.error)
        }
        let found: Profile?
        if let name = options.profile {
            found = set.profile(id: name)
            if found == nil {
                Stderr.line("redact: no sharing profile \(name) (valid: \(set.profiles.map(\.id).joined(separator: ", ")))")
                throw ExitCode(ExitStatus.error)
            }
        } else {
            found = set.profile(forRecipient: recipient!)
            if found == nil {
                Stderr.line("redact: no sharing profile for recipient type \(recipient!) (add one, or pick one with --profile)")
                throw ExitCode(ExitStatus.error)
            }
        }
        let problems = ProfileChecker.problems(found!, vocabulary: vocabulary(reference))
        if !problems.isEmpty {
            for p in problems { Stderr.line("redact: \(p)") }
            throw ExitCode(ExitStatus.error)
        }
        return found
    }

    /// The find options a profile needs: the offence-information pack when it runs.
    static func findOptions(_ find: FindOptions, profile: Profile?) throws -> FindOptions {
        guard profile?.offencePack == true else { return find }
        guard let dir = ProfileSet.offencePackDirectory(packDirectory: PackLoader.defaultPackDirectory()) else {
            Stderr.line("redact: profile \(profile!.id) runs the offence-information pack, but patterns/offence was not found beside the bundled pack")
            throw ExitCode(ExitStatus.error)
        }
        var f = find
        if !f.patternDirectories.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == URL(fileURLWithPath: dir).standardizedFileURL.path }) {
            f.patternDirectories.append(dir)
        }
        return f
    }

    /// A policy that reports only what the recipient's copy redacts (scan and check with a profile).
    static func policy(_ profile: Profile?, reference: Reference) -> RedactionPolicy {
        RedactionPolicy(profile: profile) { reference.defaultJustification(for: $0) }
    }
}

extension ExitStatus {
    /// `apply`: every copy was written, and at least one is held for review (`OUT/held/`).
    static let held: Int32 = 4
}
