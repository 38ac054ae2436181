import Foundation
import RedactLog
import RedactTestSupport
import Testing
@testable import RedactQueue

/// The worker loop and the log it writes, against a real server: the queue and the log share
/// the test's database, as they may in production.
@Suite(.enabled(if: !PostgresTestDatabase.skipped)) struct WorkerTests {
    /// Jobs whose number ends in 0, 3 or 6 (18 of 60) "find" two NHS numbers and logs them; the rest are clean.
    static func counts(_ job: Job) -> [String: Int] {
        job.path.hasSuffix("0.txt") || job.path.hasSuffix("3.txt") || job.path.hasSuffix("6.txt") ? ["nhs_number": 2] : [:]
    }

    static func process(_ logger: JobLogger, _ tally: Tally) -> @Sendable (Job) -> JobOutcome {
        { job in
            tally.add(job.id)
            let counts = counts(job)
            do {
                let entry = try logger.record(job, sha256: String(repeating: "a", count: 64), counts: counts)
                return .done(JobResult(outcome: counts.isEmpty ? .clean : .found, counts: counts, bytesScanned: 100, logEntry: entry))
            } catch {
                return .stop(reason: "\(error)")
            }
        }
    }

    @Test func twoWorkersDoEveryJobOnceAndLogEachFindingOnce() throws {
        let t = try TestQueue()
        try t.submit(60)
        let log = try PostgresLogStore(url: t.db.url, redactor: identityRedactor)
        let logger = JobLogger(gate: gateRecorder(log))
        let tally = Tally()
        var options = WorkerOptions(owner: "a")
        options.concurrency = 2
        options.claimSize = 3
        options.exitWhenEmpty = true
        options.idlePoll = 0.1
        var other = options
        other.owner = "b"
        let workers = [QueueWorker(queue: try t.another(), options: options, process: Self.process(logger, tally)),
                       QueueWorker(queue: try t.another(), options: other, process: Self.process(logger, tally))]
        let summaries = Summaries()
        DispatchQueue.concurrentPerform(iterations: 2) { k in summaries.add(workers[k].run()) }

        #expect(tally.all.count == 60 && tally.all.values.allSatisfy { $0 == 1 })
        #expect(summaries.all.reduce(0) { $0 + $1.jobs } == 60)
        #expect(summaries.all.allSatisfy { $0.stopReason == nil })
        let status = try t.queue.status()
        #expect(status.count(.done) == 60 && status.outcomes[.found] == 18 && status.findings == 36)
        #expect(try log.breaches(BreachFilter()).count == 18)
        #expect(try log.verify(against: nil).isValid)
    }

    @Test func aJobLoggedByAWorkerThatDiedIsLoggedOnceAndDoneByAnother() throws {
        let t = try TestQueue()
        try t.submit(1)
        let log = try PostgresLogStore(url: t.db.url, redactor: identityRedactor)
        let logger = JobLogger(gate: gateRecorder(log))

        // The first worker logs the job, then dies before recording it done.
        let job = try #require(try t.queue.claim(owner: "dies", limit: 1, lease: 0.5, maxAttempts: 3).first)
        let entry = try logger.record(job, sha256: String(repeating: "b", count: 64), counts: ["nino": 1])
        #expect(entry == job.logEntryID)
        #expect(try log.checkpoint().count == 1)

        // Another worker takes it once the lease expires, and its log write finds the entry there.
        let tally = Tally()
        var options = WorkerOptions(owner: "survivor")
        options.exitWhenEmpty = true
        options.idlePoll = 0.1
        let summary = QueueWorker(queue: try t.another(), options: options) { job in
            tally.add(job.id)
            do {
                let entry = try logger.record(job, sha256: String(repeating: "b", count: 64), counts: ["nino": 1])
                return .done(JobResult(outcome: .found, counts: ["nino": 1], bytesScanned: 10, logEntry: entry))
            } catch {
                return .stop(reason: "\(error)")
            }
        }.run()
        #expect(summary.done[.found] == 1 && summary.stopReason == nil)
        #expect(tally.all == [job.id: 1])
        let record = try #require(try t.queue.job(job.id))
        #expect(record.state == .done && record.attempts == 2 && record.logEntry == job.logEntryID)
        #expect(try log.checkpoint().count == 1)
        #expect(try log.breachHistory(id: job.logEntryID).count == 1)
        #expect(try log.verify(against: nil).isValid)
    }

    @Test func stoppingFinishesTheCurrentJobAndGivesBackTheRest() throws {
        let t = try TestQueue()
        let batch = try t.submit(3)
        let started = StopSignal()
        var options = WorkerOptions(owner: "w")
        options.claimSize = 3
        options.idlePoll = 0.1
        let worker = QueueWorker(queue: try t.another(), options: options) { _ in
            started.raise()
            usleep(300_000)
            return .done(JobResult(outcome: .clean, bytesScanned: 1))
        }
        let finished = Summaries()
        let thread = Thread { finished.add(worker.run()) }
        thread.start()
        #expect(started.wait(20))
        worker.stop.raise()
        #expect(eventually { finished.all.count == 1 })
        #expect(finished.all.first?.done[.clean] == 1)
        let jobs = try t.queue.jobs(batch: batch.id)
        #expect(jobs.map(\.state) == [.done, .queued, .queued])
        #expect(jobs.map(\.attempts) == [1, 0, 0])
    }

    @Test func aWorkerRenewsItsLeasesWhileAJobRunsLong() throws {
        let t = try TestQueue()
        try t.submit(1)
        var options = WorkerOptions(owner: "slow")
        options.lease = 1
        options.exitWhenEmpty = true
        options.idlePoll = 0.1
        let rival = try t.another()
        let stolen = Tally()
        let summary = QueueWorker(queue: try t.another(), options: options) { job in
            // Three lease lengths: a rival claiming meanwhile would get the job if renewal failed.
            for _ in 0..<6 {
                usleep(500_000)
                for j in (try? rival.claim(owner: "rival", limit: 1, lease: 60, maxAttempts: 3)) ?? [] { stolen.add(j.id) }
            }
            return .done(JobResult(outcome: .clean, bytesScanned: 1))
        }.run()
        #expect(summary.done[.clean] == 1)
        #expect(stolen.all.isEmpty)
    }

    @Test func logEntryIdsAreNameBasedUUIDs() {
        // RFC 9562 appendix A.4: version 5, DNS namespace, "www.example.com".
        let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
        #expect(JobIdentity.nameBased(namespace: dns, name: Array("www.example.com".utf8))
            == UUID(uuidString: "2ed6657d-e927-568b-95e1-2665a8aea6a2"))
        let job = UUID()
        #expect(JobIdentity.logEntryID(forJob: job) == JobIdentity.logEntryID(forJob: job))
        #expect(JobIdentity.logEntryID(forJob: job) != JobIdentity.logEntryID(forJob: UUID()))
    }
}

/// Summaries handed back from worker threads.
final class Summaries: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [WorkerSummary] = []
    func add(_ s: WorkerSummary) { lock.withLock { items.append(s) } }
    var all: [WorkerSummary] { lock.withLock { items } }
}
