import ArgumentParser
import RedactContainers
import RedactCore
import RedactFormats

/// Document format options shared by `scan`, `apply` and `check`: which format reads each
/// input, and the limits that keep hostile documents bounded (see docs/formats.md).
struct FormatOptions: ParsableArguments {
    /// The registry of formats. Registration point: formats of other targets are added here
    /// (`DocumentFormats.standard.adding([...])`; containers go first, they know their magic bytes).
    static let registry = DocumentFormats.standard.adding([DocxFormat(), EmailFormat(), ZipBundleFormat()])

    @Option(help: ArgumentHelp("Read every input as this format instead of detecting it: \(registry.ids.joined(separator: ", ")) (text: no format handling).", valueName: "FMT"))
    var formatAs: String?

    @Option(help: ArgumentHelp("Largest decoded part held in memory (a zip member, a PDF's text, a non-streamed document).", valueName: "BYTES"))
    var maxPartBytes: Int = FormatLimits.default.maxPartBytes

    @Option(help: ArgumentHelp("Largest total of decoded parts in one input (zip bombs).", valueName: "BYTES"))
    var maxTotalBytes: Int = FormatLimits.default.maxTotalBytes

    @Option(help: ArgumentHelp("Largest decoded-to-stored size ratio of a compressed member.", valueName: "N"))
    var maxRatio: Int = FormatLimits.default.maxRatio

    @Option(help: ArgumentHelp("Deepest nesting inside one document (JSON, MIME, XML).", valueName: "N"))
    var maxDepth: Int = FormatLimits.default.maxDepth

    @Option(help: ArgumentHelp("Deepest nesting of containers in containers.", valueName: "N"))
    var maxNesting: Int = FormatLimits.default.maxNesting

    @Option(help: ArgumentHelp("Longest field as stored (a CSV cell, a JSON string or number).", valueName: "BYTES"))
    var maxFieldBytes: Int = FormatLimits.default.maxFieldBytes

    @Option(help: ArgumentHelp("Most members in one container.", valueName: "N"))
    var maxMembers: Int = FormatLimits.default.maxMembers

    func validate() throws {
        if let formatAs, !Self.registry.ids.contains(formatAs) {
            throw ValidationError("--format-as \(formatAs): unknown format (one of \(Self.registry.ids.joined(separator: ", ")))")
        }
        for (name, v) in [("--max-part-bytes", maxPartBytes), ("--max-total-bytes", maxTotalBytes), ("--max-ratio", maxRatio),
                          ("--max-depth", maxDepth), ("--max-nesting", maxNesting), ("--max-field-bytes", maxFieldBytes),
                          ("--max-members", maxMembers)] where v < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
    }

    var limits: FormatLimits {
        FormatLimits(maxPartBytes: maxPartBytes, maxTotalBytes: maxTotalBytes, maxRatio: maxRatio, maxDepth: maxDepth,
                     maxNesting: maxNesting, maxFieldBytes: maxFieldBytes, maxMembers: maxMembers)
    }

    func runner(chunkSize: Int) -> FormatRunner {
        FormatRunner(registry: Self.registry, limits: limits, chunkSize: chunkSize, forced: formatAs)
    }
}
