import Foundation
import RedactTestSupport
import Testing
@testable import RedactQueue

/// Claims, leases and completion against a real server (a throwaway database per test).
@Suite(.enabled(if: !PostgresTestDatabase.skipped)) struct LeaseTests {
    @Test func claimLeasesTheOldestJobsAndCompletionIsIdempotent() throws {
        let t = try TestQueue()
        let batch = try t.submit(3, name: "first")
        #expect(batch.jobs == 3 && batch.bytes == 300)

        let claimed = try t.queue.claim(owner: "w1", limit: 2, lease: 60, maxAttempts: 3)
        #expect(claimed.map(\.path) == ["/in/doc-0.txt", "/in/doc-1.txt"])
        #expect(claimed.allSatisfy { $0.attempts == 1 && $0.batchID == batch.id })
        let running = try #require(try t.queue.job(claimed[0].id))
        #expect(running.state == .running && running.leaseOwner == "w1")

        let result = JobResult(outcome: .found, counts: ["nhs_number": 2, "postcode": 1], bytesScanned: 100)
        #expect(try t.queue.complete(claimed[0].id, result))
        let done = try #require(try t.queue.job(claimed[0].id))
        #expect(done.state == .done && done.outcome == .found && done.findings == 3 && done.leaseOwner == nil)
        let stored = try JSONSerialization.jsonObject(with: Data(done.countsJSON.utf8)) as? [String: Int]
        #expect(stored == ["nhs_number": 2, "postcode": 1])

        // A second completion, even with another result, changes nothing.
        #expect(try !t.queue.complete(claimed[0].id, JobResult(outcome: .clean, bytesScanned: 5)))
        #expect(try t.queue.job(claimed[0].id) == done)

        let status = try t.queue.status(batch: t.queue.batch("first"))
        #expect(status.count(.done) == 1 && status.count(.running) == 1 && status.count(.queued) == 1)
        #expect(status.findings == 3 && status.byCategory == ["nhs_number": 2, "postcode": 1] && status.bytesDone == 100)
        #expect(status.oldestRunning?.id == claimed[1].id && status.oldestRunning?.owner == "w1")
        #expect(!status.isFinished)
    }

    @Test func concurrentClaimersNeverGetTheSameJob() throws {
        let t = try TestQueue()
        try t.submit(400)
        let claims = Tally()
        let queues = try (0..<6).map { _ in try t.another() }
        DispatchQueue.concurrentPerform(iterations: queues.count) { k in
            let q = queues[k]
            while let jobs = try? q.claim(owner: "w\(k)", limit: 3, lease: 60, maxAttempts: 3), !jobs.isEmpty {
                for job in jobs {
                    claims.add(job.id)
                    _ = try? q.complete(job.id, JobResult(outcome: .clean, bytesScanned: 100))
                }
            }
        }
        let counts = claims.all
        #expect(counts.count == 400)
        #expect(counts.values.allSatisfy { $0 == 1 })
        let status = try t.queue.status()
        #expect(status.count(.done) == 400 && status.isFinished)
    }

    @Test func anExpiredLeaseGoesToAnotherWorker() throws {
        let t = try TestQueue()
        try t.submit(1)
        let first = try #require(try t.queue.claim(owner: "dead", limit: 1, lease: 0.3, maxAttempts: 3).first)
        // Held: nobody else can claim it while the lease runs.
        #expect(try t.queue.claim(owner: "alive", limit: 1, lease: 60, maxAttempts: 3).isEmpty)
        usleep(500_000)
        let second = try #require(try t.queue.claim(owner: "alive", limit: 1, lease: 60, maxAttempts: 3).first)
        #expect(second.id == first.id && second.attempts == 2)
        // The dead worker's renewal finds the job gone.
        #expect(try t.queue.renew(owner: "dead", jobs: [first.id], lease: 60).isEmpty)
        #expect(try t.queue.renew(owner: "alive", jobs: [first.id], lease: 60) == [first.id])
        #expect(try t.queue.complete(second.id, JobResult(outcome: .clean, bytesScanned: 1)))
        let record = try #require(try t.queue.job(first.id))
        #expect(record.state == .done && record.attempts == 2)
    }

    @Test func aJobWhoseLeaseKeepsExpiringFailsWithItsReason() throws {
        let t = try TestQueue()
        try t.submit(1)
        for attempt in 1...2 {
            let job = try #require(try t.queue.claim(owner: "w", limit: 1, lease: 0.1, maxAttempts: 2).first)
            #expect(job.attempts == attempt)
            usleep(250_000)
        }
        #expect(try t.queue.claim(owner: "w", limit: 1, lease: 60, maxAttempts: 2).isEmpty)
        let status = try t.queue.status()
        #expect(status.count(.failed) == 1 && status.isFinished)
        #expect(status.failed.first?.attempts == 2)
        #expect(status.failed.first?.reason.contains("lease expired on attempt 2 of 2") == true)
    }

    @Test func releaseGivesJobsBack() throws {
        let t = try TestQueue()
        try t.submit(2)
        let jobs = try t.queue.claim(owner: "w", limit: 2, lease: 60, maxAttempts: 2)
        // Unstarted at shutdown: back without costing an attempt.
        #expect(try t.queue.release(jobs[0].id, owner: "w", reason: nil, maxAttempts: 2) == .queued)
        #expect(try t.queue.job(jobs[0].id)?.attempts == 0)
        // Only the holder can give a job back.
        #expect(try t.queue.release(jobs[1].id, owner: "someone-else", reason: "x", maxAttempts: 2) == nil)
        // A transient error: back with its reason, until the attempts run out.
        #expect(try t.queue.release(jobs[1].id, owner: "w", reason: "cannot open: No such file or directory", maxAttempts: 2) == .queued)
        let again = try t.queue.claim(owner: "w", limit: 2, lease: 60, maxAttempts: 2)
        #expect(Set(again.map(\.id)) == Set(jobs.map(\.id)))
        #expect(try t.queue.release(jobs[1].id, owner: "w", reason: "cannot open: No such file or directory", maxAttempts: 2) == .failed)
        let failed = try #require(try t.queue.job(jobs[1].id))
        #expect(failed.state == .failed && failed.attempts == 2 && failed.error == "cannot open: No such file or directory")
        // A failure never overrides done, and a done job can finish a failed one.
        #expect(try t.queue.complete(jobs[1].id, JobResult(outcome: .clean, bytesScanned: 1)))
        #expect(try !t.queue.fail(jobs[1].id, reason: "late"))
        #expect(try t.queue.job(jobs[1].id)?.state == .done)
    }

    @Test func batchesAreFoundByIdOrLatestName() throws {
        let t = try TestQueue()
        let a = try t.submit(1, name: "nightly")
        usleep(10_000)
        let b = try t.submit(2, name: "nightly")
        #expect(try t.queue.batch("nightly").id == b.id)
        #expect(try t.queue.batch(a.id.uuidString.lowercased()).id == a.id)
        #expect(try t.queue.jobs(batch: b.id).map(\.path) == ["/in/doc-0.txt", "/in/doc-1.txt"])
        #expect(throws: QueueError.self) { try t.queue.batch("no-such-batch") }
        #expect(throws: QueueError.self) { try t.queue.submit([]) }
    }
}
