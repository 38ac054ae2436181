import ArgumentParser
import Foundation
import RedactCore
import RedactProfiles

/// `redact profiles`: list, show and check the sharing profiles.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List, show or check the sharing profiles (patterns/profiles; format in docs/profiles.md).",
        subcommands: [List.self, Show.self, Check.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per profile: id, version, section 14 list, agreement, recipient types.")
        @OptionGroup var profiles: ProfileOptions

        func run() throws {
            let set = try Profiles.load(profiles)
            for p in set.profiles {
                Stdout.shared.line("\(p.id)\t\(p.version)\tlist \(p.section14.rawValue)\tagreement \(p.agreement.rawValue)\t\(p.recipients.joined(separator: ","))\t\(p.label)")
            }
            Stdout.shared.flush()
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Everything a profile decides, every category and role included.")
        @Argument(help: "Profile id (or give --recipient TYPE).") var id: String?
        @OptionGroup var recipient: RecipientOption
        @OptionGroup var profiles: ProfileOptions
        @OptionGroup var reference: ReferenceOptions

        func run() throws {
            let ref = try reference.load()
            var options = profiles
            if let id { options.profile = id }
            guard let p = try Profiles.select(recipient: id == nil ? recipient.recipient : nil, options: options, reference: ref) else {
                throw ValidationError("give a profile id or --recipient TYPE")
            }
            let out = Stdout.shared
            out.line("profile \(p.id) \(p.version): \(p.label)")
            out.line("file: \(p.file)")
            out.line("recipient types: \(p.recipients.isEmpty ? "-" : p.recipients.joined(separator: ", "))")
            out.line("legal basis: \(p.legalBasis)")
            out.line("section 14: \(p.section14 == .none ? "on neither list" : "List \(p.section14.rawValue)")")
            out.line("agreement: \(p.agreement.summary); signatory \(p.signatory.rawValue)")
            out.line("offence-information pack: \(p.offencePack ? "runs; documents with findings are held for review" : "does not run")")
            out.line("categories:")
            for c in Category.known {
                let (redacted, j) = p.rule(for: c.rawValue)
                let code = j ?? ref.defaultJustification(for: c.rawValue)
                out.line("  \(c.rawValue)\t\(redacted ? "redact" : "keep")\t\(code)\(j == nil ? " (category default)" : "")")
            }
            out.line("party roles (names from --names; a name without a role follows person_name):")
            for r in p.roles { out.line("  \(r.role.rawValue)\t\(r.redacted ? "redact" : "keep")\t\(r.justification)") }
            out.flush()
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check every profile against the reference data. Exit 0 all valid, 1 a profile is inconsistent, 2 a profile is malformed.")
        @OptionGroup var profiles: ProfileOptions
        @OptionGroup var reference: ReferenceOptions

        func run() throws {
            let ref = try reference.load()
            let set = try Profiles.load(profiles)
            let vocabulary = Profiles.vocabulary(ref)
            var problems = set.profiles.flatMap { ProfileChecker.problems($0, vocabulary: vocabulary) }
            problems += ProfileChecker.coverage(set, vocabulary: vocabulary)
            for p in problems { Stdout.shared.line("FAIL \(p)") }
            Stdout.shared.line("\(set.profiles.count) profiles checked, \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            Stdout.shared.flush()
            if !problems.isEmpty { throw ExitCode(ExitStatus.found) }
        }
    }
}
