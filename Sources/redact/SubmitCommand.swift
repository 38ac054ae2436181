import ArgumentParser
import Foundation
import RedactCore
import RedactQueue
import RedactScan

enum SubmitFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json
}

/// `redact submit`: enqueues files for bulk pre-screening by `redact worker`.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Enqueue files for `redact worker` (one job per file) and print the batch id.",
        discussion: """
        Folders are walked as `redact check` walks them (sorted, hidden files and folders left \
        out); binary files are enqueued and skipped by the worker. Paths are stored absolute, so \
        workers on other machines must see the files at the same paths (a shared mount). \
        --manifest FILE reads one path per line instead (an optional TAB and size in bytes; blank \
        lines and lines starting with # ignored), taken as given and not checked here. The batch \
        is enqueued whole or not at all. Exit 0 submitted, 2 a path is missing or unreadable \
        (nothing is submitted) or bad options, 3 the queue cannot be used.
        """
    )

    @OptionGroup var queue: QueueOptions

    @Option(name: .customLong("batch"), help: ArgumentHelp("A name for the batch (for `redact jobs status --batch`).", valueName: "name"))
    var batchName: String?

    @Option(help: ArgumentHelp("Read the paths from FILE, one per line, instead of walking PATH arguments.", valueName: "file"))
    var manifest: String?

    @Option(help: "Output format: human or json.")
    var format: SubmitFormat = .human

    @Flag(help: "Leave out the STEM.parties.txt lists beside documents: the workers run with --names-beside and read them.")
    var namesBeside = false

    @Argument(help: "Files or folders to enqueue.")
    var paths: [String] = []

    func validate() throws {
        if manifest == nil && paths.isEmpty { throw ValidationError("give files or folders to submit, or --manifest FILE") }
        if manifest != nil && !paths.isEmpty { throw ValidationError("give either paths or --manifest, not both") }
        if paths.contains("-") { throw ValidationError("standard input cannot be queued: save it to a file first") }
    }

    func run() throws {
        let items = try manifest.map(Self.readManifest) ?? walk()
        let queue = try queue.open()
        let receipt = try QueueFailure.map { try queue.submit(items, name: batchName) }
        switch format {
        case .human:
            let name = receipt.name.map { " (\($0))" } ?? ""
            print("batch \(receipt.id.uuidString.lowercased())\(name): \(receipt.jobs) job(s), \(receipt.bytes) bytes")
        case .json:
            let name = receipt.name.map(jsonString) ?? "null"
            print("{\"batch\":\"\(receipt.id.uuidString.lowercased())\",\"name\":\(name),\"jobs\":\(receipt.jobs),\"bytes\":\(receipt.bytes)}")
        }
    }

    /// The walker's inputs as absolute paths with their sizes; any walk error refuses the batch.
    func walk() throws -> [SubmitItem] {
        let (found, errors) = InputWalker.expand(paths)
        // As `EngineFactory.expand` leaves them out of `check --names-beside`.
        let inputs = namesBeside ? found.filter { !$0.path.hasSuffix(".parties.txt") } : found
        for e in errors { Stderr.line("redact: \(e)") }
        if !errors.isEmpty { throw ExitCode(ExitStatus.error) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return inputs.map { input in
            let path = URL(fileURLWithPath: input.path, relativeTo: cwd).standardizedFileURL.path
            var st = stat()
            return SubmitItem(path: path, size: stat(path, &st) == 0 ? Int64(st.st_size) : nil)
        }
    }

    /// `PATH` or `PATH<TAB>SIZE` per line.
    static func readManifest(_ file: String) throws -> [SubmitItem] {
        guard let data = FileManager.default.contents(atPath: file) else {
            Stderr.line("redact: \(file): cannot read the manifest")
            throw ExitCode(ExitStatus.error)
        }
        var items: [SubmitItem] = []
        for (n, line) in TextLines.split(String(decoding: data, as: UTF8.self)).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count <= 2, !fields[0].isEmpty else {
                Stderr.line("redact: \(file):\(n + 1): expected PATH or PATH<TAB>SIZE")
                throw ExitCode(ExitStatus.error)
            }
            var size: Int64? = nil
            if fields.count == 2 {
                guard let s = Int64(fields[1]), s >= 0 else {
                    Stderr.line("redact: \(file):\(n + 1): the size is not a number of bytes")
                    throw ExitCode(ExitStatus.error)
                }
                size = s
            }
            items.append(SubmitItem(path: String(fields[0]), size: size))
        }
        if items.isEmpty {
            Stderr.line("redact: \(file): the manifest lists no paths")
            throw ExitCode(ExitStatus.error)
        }
        return items
    }
}
