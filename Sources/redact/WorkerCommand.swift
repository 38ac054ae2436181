import ArgumentParser
import Foundation
import RedactLog
import RedactQueue
import RedactScan

/// `redact worker`: takes jobs from the queue and pre-screens them as `redact check` would.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Pre-screen queued files (from `redact submit`) until stopped; run as many as you like, on any machines.",
        discussion: """
        Each job's file is scanned with the same engine and options as `redact check`; the queue \
        records the outcome (clean, found with counts by category, skipped, or failed with the \
        reason). With --log, a file with findings is logged as `check --log` logs it (an incoming \
        failure to redact, or a near miss with --outgoing), once per job even when the job runs \
        twice. SIGINT or SIGTERM: finish the current job, give the unstarted ones back, exit \
        (a second signal exits at once; the jobs come back when their leases expire). Exit 0 \
        every job it finished was clean or skipped, 1 personal data found in some, 2 some job \
        failed or bad options, 3 the queue or the log could not be used.
        """
    )

    @OptionGroup var queue: QueueOptions

    @OptionGroup var find: FindOptions

    @OptionGroup(title: "Document formats") var formats: FormatOptions

    @OptionGroup(title: "Logging (with --log, each job with findings is recorded as an incoming failure to redact, or with --outgoing a near miss)")
    var logging: GateLogOptions

    @OptionGroup(title: "Sharing (count only what this recipient's copy would redact)")
    var recipient: RecipientOption
    @OptionGroup var profiles: ProfileOptions

    @Option(help: "Jobs processed at once (threads; default: all cores).")
    var concurrency: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Jobs each thread claims at a time.", valueName: "n"))
    var claim: Int = 4

    @Option(help: ArgumentHelp("Lease length in seconds: a job whose worker stops renewing it for this long goes to another worker.", valueName: "seconds"))
    var lease: Double = 60

    @Option(help: "Claims a job may have before it fails (a worker dying on it, or transient errors).")
    var maxAttempts: Int = 3

    @Flag(help: "Exit when no job is queued or running, instead of waiting for new batches.")
    var exitWhenEmpty = false

    @Flag(help: "Print one line per job as `redact check` does.")
    var verbose = false

    func validate() throws {
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if claim < 1 { throw ValidationError("--claim must be at least 1") }
        if !(lease >= 1) { throw ValidationError("--lease must be at least 1 second") }
        if maxAttempts < 1 { throw ValidationError("--max-attempts must be at least 1") }
    }

    func run() throws {
        let reference = try logging.log.reference.load()
        let (findOptions, profile) = try ProfileFilter.make(recipient: recipient.recipient, profiles: profiles, find: find, reference: reference)
        let factory = try makeFactory(findOptions)
        let filter = profile.map { ProfileFilter(policy: Profiles.policy($0, reference: reference), factory: factory) }
        installLogRedactor(factory)
        let logger = try logging.jobLogger(packVersion: factory.shared.table.packVersion, toolVersion: RedactCommand.version)
        let queue = try queue.open(connections: concurrency + 1)
        let scanner = JobScanner(factory: factory, filter: filter, formats: formats, chunkSize: find.chunkSize,
                                 pool: ScratchPool(engine: factory.shared), logger: logger)

        var options = WorkerOptions()
        options.concurrency = concurrency
        options.claimSize = claim
        options.lease = lease
        options.maxAttempts = maxAttempts
        options.exitWhenEmpty = exitWhenEmpty
        let stop = StopSignal()
        let signals = StopSignals.install(stop)
        defer { withExtendedLifetime(signals) {} }
        Stderr.line("redact: worker \(options.owner) on \(queue.url)")
        let verbose = self.verbose
        let worker = QueueWorker(queue: queue, options: options, stop: stop) { job in
            let outcome = scanner.process(job)
            // One write per line: threads' lines never interleave.
            if verbose { FileHandle.standardOutput.write(Data((Self.line(job, outcome) + "\n").utf8)) }
            return outcome
        }
        let summary = worker.run()

        let done = summary.done
        print("worker \(options.owner): \(summary.jobs) job(s): \(done[.clean] ?? 0) clean, \(done[.found] ?? 0) with personal data, "
              + "\(done[.skipped] ?? 0) skipped, \(summary.failed) failed, \(summary.retried) given back for retry")
        if let reason = summary.stopReason {
            Stderr.line("redact: worker stopped: \(reason)")
            throw ExitCode(QueueFailure.storage)
        }
        if summary.failed > 0 { throw ExitCode(ExitStatus.error) }
        if (done[.found] ?? 0) > 0 { throw ExitCode(ExitStatus.found) }
    }

    /// `path: clean`, `path: FOUND 3 (nhs_number 2, nino 1)`, as `check` prints.
    static func line(_ job: Job, _ outcome: JobOutcome) -> String {
        switch outcome {
        case .done(let r):
            switch r.outcome {
            case .clean: return "\(job.path): clean"
            case .skipped: return "\(job.path): skipped"
            case .found:
                let c = r.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                return "\(job.path): FOUND \(r.findings) (\(c))"
            }
        case .failed(let reason): return "\(job.path): ERROR \(reason)"
        case .retry(let reason), .stop(let reason): return "\(job.path): RETRY \(reason)"
        }
    }
}
