import ArgumentParser
import RedactLog

/// `redact reference LIST`: the valid codes, one per line, code first, then the label.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print the valid codes of a reference list, one per line, code first.")

    enum List: String, ExpressibleByArgument, CaseIterable {
        case areas, recipients, breachTypes = "breach-types", severities, justifications, sources
        case dataCategories = "data-categories", categoryJustifications = "category-justifications"
        case stages, statuses
    }

    @Argument(help: ArgumentHelp("One of: \(List.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "list"))
    var list: List

    @Flag(help: "Print only the codes.") var codesOnly = false

    @OptionGroup var reference: ReferenceOptions

    func run() throws {
        let rows: [(String, String)]
        switch list {
        case .stages:
            rows = BreachStage.allCases.map { ($0.rawValue, Self.stageLabel($0)) }
        case .statuses:
            rows = BreachStatus.allCases.map { ($0.rawValue, $0.rawValue) }
        default:
            let kind = Reference.Kind(rawValue: list.rawValue)!
            rows = try reference.load().entries(kind).map { ($0.code, ([$0.label] + $0.attributes).joined(separator: "\t")) }
        }
        for (code, label) in rows { print(codesOnly ? code : "\(code)\t\(label)") }
    }

    static func stageLabel(_ s: BreachStage) -> String {
        switch s {
        case .incomingFailureToRedact: "Failure to redact in material received from a source organisation"
        case .nearMiss: "Near miss: caught before sharing"
        case .breach: "Breach: disclosed"
        }
    }
}
