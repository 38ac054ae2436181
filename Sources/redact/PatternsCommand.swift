import ArgumentParser
import Foundation
import RedactPatterns
import RedactScan

/// `redact patterns`: inspect and check pattern packs.
struct PatternsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patterns",
        abstract: "Check or list the pattern packs.",
        subcommands: [Check.self, List.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Compile every rule and run every example. Exit 0 all pass, 1 an example failed, 2 a pack is malformed.")

        @Option(name: .customLong("patterns"), help: ArgumentHelp("Also check the pack in DIR (repeatable).", valueName: "DIR"))
        var patternDirectories: [String] = []

        @Flag(help: "Check only the --patterns packs.")
        var noDefaultPack = false

        func run() throws {
            var setup = ScanSetup()
            setup.patternDirectories = patternDirectories
            setup.noDefaultPack = noDefaultPack
            let report: PackChecker.Report
            do {
                let pack = try setup.loadPack()
                report = try PackChecker.check(pack, validators: ScanSetup.validator(named:))
            } catch {
                Stderr.line("redact: \(error)")
                throw ExitCode(ExitStatus.error)
            }
            for f in report.failures { Stdout.shared.line("FAIL \(f)") }
            Stdout.shared.line("\(report.rules) rules compiled, \(report.examples) examples run, \(report.failures.count) failed")
            Stdout.shared.flush()
            if !report.failures.isEmpty { throw ExitCode(ExitStatus.found) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules: id, category, validator, trigger.")

        @Option(name: .customLong("patterns"), help: ArgumentHelp("Also load the pack in DIR.", valueName: "DIR"))
        var patternDirectories: [String] = []

        func run() throws {
            var setup = ScanSetup()
            setup.patternDirectories = patternDirectories
            let pack: PatternPack
            do { pack = try setup.loadPack() } catch {
                Stderr.line("redact: \(error)")
                throw ExitCode(ExitStatus.error)
            }
            Stdout.shared.line("# \(pack.name) \(pack.version)")
            for r in pack.rules {
                let trigger: String
                switch r.trigger {
                case .always: trigger = "always"
                case .bytes: trigger = "bytes"
                case .literals: trigger = "literals"
                case .dictionary(let d): trigger = "dict:\(d)"
                }
                Stdout.shared.line("\(r.id)\t\(r.category.rawValue)\t\(r.validator ?? "-")\t\(trigger)")
            }
            Stdout.shared.flush()
        }
    }
}
