import ArgumentParser
import RedactScan

/// The options that shape what is found. `scan`, `apply` and `check` share this group, so
/// they always find the same things for the same options.
struct FindOptions: ParsableArguments {
    @Option(name: .customLong("patterns"), help: ArgumentHelp("Add the pattern pack in DIR (repeatable).", valueName: "DIR"))
    var patternDirectories: [String] = []

    @Flag(help: "Do not load the bundled UK pack (only --patterns packs run).")
    var noDefaultPack = false

    @Option(help: ArgumentHelp("Case parties: one full name per line, optionally TAB and a role.", valueName: "FILE"))
    var names: String?

    @Flag(help: "Also use STEM.parties.txt beside each input STEM.EXT as its names list (those lists are not scanned).")
    var namesBeside = false

    @Option(help: ArgumentHelp("Only these categories count (comma-separated taxonomy ids).", valueName: "IDS"))
    var categories: String?

    @Option(help: ArgumentHelp("These categories never count (comma-separated taxonomy ids).", valueName: "IDS"))
    var excludeCategories: String?

    @Option(help: ArgumentHelp("Read and scan in blocks of this many bytes (results never depend on it).", valueName: "BYTES"))
    var chunkSize: Int = 1 << 20

    @Flag(help: "Scan files that look binary instead of skipping them.")
    var binary = false

    @Flag(help: "Read files with read(2) instead of mapping them into memory (slower; for files that may shrink while they are read).")
    var noMmap = false

    func validate() throws {
        guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be at least 1") }
    }

    var setup: ScanSetup {
        var s = ScanSetup()
        s.patternDirectories = patternDirectories
        s.noDefaultPack = noDefaultPack
        s.namesFile = names
        s.namesBeside = namesBeside
        s.categories = categories.map(Self.list)
        s.excludedCategories = excludeCategories.map(Self.list) ?? []
        s.chunkSize = chunkSize
        s.scanBinary = binary
        s.mapFiles = !noMmap
        return s
    }

    static func list(_ s: String) -> Set<String> {
        Set(s.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
