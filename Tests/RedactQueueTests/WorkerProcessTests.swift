import Foundation
import RedactLog
import RedactTestSupport
import Testing
@testable import RedactQueue

/// `redact submit`, `redact worker` and `redact jobs status` as separate processes against a
/// real server, including a worker killed with SIGKILL mid-job. The queue and the log share the
/// test's database.
@Suite(.serialized, .enabled(if: !PostgresTestDatabase.skipped)) struct WorkerProcessTests {
    static let logArgs = ["--area", "cps-wessex", "--operator", "queue-test", "--source", "dorset-police"]

    /// `count` documents of about `bytes` each, every one with personal data.
    static func bigDocuments(_ count: Int, bytes: Int, in dir: URL) throws -> [String] {
        let filler = String(repeating: "The officer noted the time and the weather in the pocket book.\n", count: bytes / 64)
        return try (0..<count).map { k in
            let path = dir.appendingPathComponent("doc-\(k).txt").path
            try Data((CaseText.statement + filler + CaseText.statement).utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    @Test func aWorkerKilledMidJobHasItsJobFinishedOnceByAnother() throws {
        let db = try PostgresTestDatabase(prefix: "redact_queue")
        let dir = try CaseText.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        _ = try Self.bigDocuments(6, bytes: 3_000_000, in: docs)
        let url = db.url.secretURL

        let submit = try RedactProcess.run(["submit", "--queue", url, "--batch", "fault", docs.path], in: dir)
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(submit.stdout.contains("6 job(s)"))
        let queue = try JobQueue(url: db.url)
        let batch = try queue.batch("fault")

        // Worker A: one job at a time, a short lease. Kill it while it holds a job it has not
        // finished. A kill that lands between two jobs (none held) misses: start another A.
        var killed: JobRecord?
        for _ in 0..<5 where killed == nil {
            let a = try RedactProcess(["worker", "--queue", url, "--log", url] + Self.logArgs
                                      + ["--concurrency", "1", "--claim", "1", "--lease", "2"], in: dir)
            let busy = try eventually(120) { try queue.jobs(batch: batch.id).contains { $0.state == .running } }
            usleep(UInt32.random(in: 0..<200_000))
            a.signal(SIGKILL)
            _ = a.wait()
            #expect(busy, "worker A never took a job: \(a.errors)")
            #expect(a.process.terminationReason == .uncaughtSignal)
            // One thread, one job claimed at a time: the dead worker holds at most one.
            let held = try queue.jobs(batch: batch.id).filter { $0.state == .running }
            #expect(held.count <= 1)
            killed = held.first
        }
        let victim = try #require(killed)
        #expect(victim.attempts == 1)

        // Worker B takes over once the lease expires, and stops when the queue is empty.
        let b = try RedactProcess.run(["worker", "--queue", url, "--log", url] + Self.logArgs
                                      + ["--concurrency", "2", "--lease", "2", "--exit-when-empty"], in: dir)
        #expect(b.status == 1, "\(b.stderr)")  // personal data found

        let jobs = try queue.jobs(batch: batch.id)
        #expect(jobs.allSatisfy { $0.state == .done && $0.outcome == .found })
        #expect(jobs.first { $0.id == victim.id }?.attempts == 2)
        #expect(jobs.filter { $0.id != victim.id }.allSatisfy { $0.attempts == 1 })
        // One log entry per job: the killed job's too (whether or not its worker had logged it).
        let log = try PostgresLogStore(url: db.url)
        #expect(try log.checkpoint().count == 6)
        for job in jobs {
            #expect(try log.breachHistory(id: JobIdentity.logEntryID(forJob: job.id)).count == 1)
            #expect(job.logEntry == JobIdentity.logEntryID(forJob: job.id))
        }
        #expect(try log.verify(against: nil).isValid)

        let status = try RedactProcess.run(["jobs", "status", "--queue", url, "--batch", "fault", "--format", "json"], in: dir)
        #expect(status.status == 1)  // finished, personal data found
        #expect(status.stdout.contains(#""states":{"queued":0,"running":0,"done":6,"failed":0}"#))
    }

    @Test func theWorkerFindsWhatCheckFinds() throws {
        let db = try PostgresTestDatabase(prefix: "redact_queue")
        let dir = try CaseText.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let files: [(String, [UInt8])] = [
            ("statement.txt", Array(CaseText.statement.utf8)),
            ("clean.txt", Array(CaseText.clean.utf8)),
            ("export.csv", Array("Name,NI Number,Notes\nA Person,AB 12 34 56 C,none\n".utf8)),
            ("image.bin", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3]),
            ("broken.json", Array(#"{"nino": "AB 12 34 56 C", "#.utf8)),
            (".hidden.txt", Array(CaseText.statement.utf8)),
        ]
        for (name, bytes) in files { try Data(bytes).write(to: docs.appendingPathComponent(name)) }
        let url = db.url.secretURL

        let check = try RedactProcess.run(["check", "--format", "jsonl", docs.path], in: dir)
        #expect(check.status == 2)  // broken.json is an error
        var expected: [String: [String: Int]] = [:]
        for line in check.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let path = object["path"] as? String, let status = object["status"] as? String else { continue }
            expected[URL(fileURLWithPath: path).lastPathComponent] = status == "found" ? object["by_category"] as? [String: Int] : [:]
        }

        let submit = try RedactProcess.run(["submit", "--queue", url, "--batch", "same", "--format", "json", docs.path], in: dir)
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(submit.stdout.contains(#""jobs":5"#))  // the hidden file is left out, as check leaves it
        let worker = try RedactProcess.run(["worker", "--queue", url, "--exit-when-empty", "--verbose"], in: dir)
        #expect(worker.status == 2, "\(worker.stderr)")  // a job failed
        #expect(worker.stdout.contains("broken.json: ERROR corrupt"))

        let queue = try JobQueue(url: db.url)
        let jobs = try queue.jobs(batch: queue.batch("same").id)
        var got: [String: [String: Int]] = [:]
        for job in jobs where job.state == .done {
            got[URL(fileURLWithPath: job.path).lastPathComponent] = try JSONSerialization.jsonObject(with: Data(job.countsJSON.utf8)) as? [String: Int]
        }
        let failed = jobs.filter { $0.state == .failed }
        #expect(failed.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["broken.json"])
        #expect(failed.first?.attempts == 1)  // a corrupt document is not retried
        #expect(failed.first?.error?.contains("AB 12") == false)
        expected.removeValue(forKey: "broken.json")
        #expect(got == expected)
        #expect(jobs.first { $0.path.hasSuffix("image.bin") }?.outcome == .skipped)
        #expect(jobs.first { $0.path.hasSuffix("clean.txt") }?.outcome == .clean)

        let status = try RedactProcess.run(["jobs", "status", "--queue", url, "--batch", "same"], in: dir)
        #expect(status.status == 2)  // finished, one failed
        #expect(status.stdout.contains("queued 0, running 0, done 4, failed 1"))
        #expect(status.stdout.contains("broken.json: after 1 attempt(s): corrupt"))
    }

    @Test func sigtermFinishesTheCurrentJobAndGivesBackTheRest() throws {
        let db = try PostgresTestDatabase(prefix: "redact_queue")
        let dir = try CaseText.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        _ = try Self.bigDocuments(4, bytes: 3_000_000, in: docs)
        let url = db.url.secretURL
        #expect(try RedactProcess.run(["submit", "--queue", url, "--batch", "term", docs.path], in: dir).status == 0)
        let queue = try JobQueue(url: db.url)
        let batch = try queue.batch("term")

        let worker = try RedactProcess(["worker", "--queue", url, "--concurrency", "1", "--claim", "4"], in: dir)
        #expect(try eventually(60) { try queue.jobs(batch: batch.id).allSatisfy { $0.state == .running } })
        worker.signal(SIGTERM)
        let end = worker.wait()
        #expect(end.status == 1, "\(end.stderr)")  // it finished a job, which had findings
        let jobs = try queue.jobs(batch: batch.id)
        #expect(jobs.filter { $0.state == .done }.count == 1)
        #expect(jobs.filter { $0.state == .queued }.count == 3)
        #expect(jobs.filter { $0.state == .queued }.allSatisfy { $0.attempts == 0 })
    }

    @Test func submitRefusesMissingPathsAndReadsManifests() throws {
        let db = try PostgresTestDatabase(prefix: "redact_queue")
        let dir = try CaseText.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = db.url.secretURL
        let missing = try RedactProcess.run(["submit", "--queue", url, dir.appendingPathComponent("nope").path], in: dir)
        #expect(missing.status == 2)
        let manifest = dir.appendingPathComponent("objects.txt")
        try Data("# exported objects\n/mnt/bulk/a.txt\t120\n\n/mnt/bulk/b.pdf\n".utf8).write(to: manifest)
        let submitted = try RedactProcess.run(["submit", "--queue", url, "--manifest", manifest.path, "--batch", "m"], in: dir)
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let queue = try JobQueue(url: db.url)
        let jobs = try queue.jobs(batch: queue.batch("m").id)
        #expect(jobs.map(\.path) == ["/mnt/bulk/a.txt", "/mnt/bulk/b.pdf"])
        #expect(try queue.status().count(.queued) == 2)
        // Nothing was submitted for the missing path.
        #expect(try queue.status().totalJobs == 2)
        let unreachable = try RedactProcess.run(["jobs", "status", "--queue", "postgres://redact:redact@127.0.0.1:1/none"], in: dir)
        #expect(unreachable.status == 3)
    }
}
