import ArgumentParser
import Foundation
import RedactLog
import RedactQueue

/// `redact jobs`: the queue's progress.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "The bulk pre-screening queue: progress of batches.",
        subcommands: [JobsStatusCommand.self]
    )
}

enum JobsFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json
}

/// `redact jobs status`: counts by state, bytes done, throughput, failed jobs, oldest lease.
struct JobsStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Progress of one batch (--batch) or of the whole queue.",
        discussion: """
        Exit 5 while jobs are still queued or running; once none are: 0 every job is done and \
        none found personal data, 1 some found personal data and none failed, 2 some job failed. \
        Also 2 for bad options or no such batch, 3 when the queue cannot be used.
        """
    )

    /// Jobs still queued or running: not an error, not a verdict yet.
    static let unfinished: Int32 = 5

    @OptionGroup var queue: QueueOptions

    @Option(help: ArgumentHelp("The batch's id, or its name (the latest batch of that name).", valueName: "id"))
    var batch: String?

    @Option(help: "Output format: human or json.")
    var format: JobsFormat = .human

    @Option(help: "List at most this many failed jobs.")
    var failed: Int = 20

    func run() throws {
        let queue = try queue.open(connections: 1)
        let status = try QueueFailure.map {
            let info = try batch.map { try queue.batch($0) }
            return try queue.status(batch: info, failedLimit: max(0, failed))
        }
        switch format {
        case .human: print(QueueStatusText.human(status), terminator: "")
        case .json: print(QueueStatusText.json(status))
        }
        let code = Self.exitCode(status)
        if code != ExitStatus.success { throw ExitCode(code) }
    }

    static func exitCode(_ s: QueueStatus) -> Int32 {
        if !s.isFinished { return unfinished }
        if s.count(.failed) > 0 { return ExitStatus.error }
        return (s.outcomes[.found] ?? 0) > 0 ? ExitStatus.found : ExitStatus.success
    }
}
