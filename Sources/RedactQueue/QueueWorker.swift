import Foundation

/// How a worker takes jobs from the queue.
public struct WorkerOptions: Sendable {
    /// The lease owner written on claimed jobs: unique per worker process (host, pid, random).
    public var owner: String
    /// Threads, each processing one job at a time.
    public var concurrency = 1
    /// Jobs one thread claims at a time (fewer round trips for small files; the unstarted ones
    /// wait under this worker's lease).
    public var claimSize = 1
    /// How long a lease lasts without renewal; renewed every third of it while the worker lives.
    public var lease: TimeInterval = 60
    /// Claims a job may have; past that, an expired lease or a transient error fails it.
    public var maxAttempts = 3
    /// Stop when no job is queued or running (otherwise wait for new batches).
    public var exitWhenEmpty = false
    /// How long an idle thread waits before asking the queue again.
    public var idlePoll: TimeInterval = 1
    /// How long the worker keeps trying while the queue's server cannot be reached (a restart,
    /// a failover) before it gives up.
    public var outageTolerance: TimeInterval = 120

    public init(owner: String = WorkerOptions.defaultOwner()) {
        self.owner = owner
    }

    /// `HOST/PID/RANDOM`: names the machine and process in `jobs status`, unique across restarts.
    public static func defaultOwner() -> String {
        let host = ProcessInfo.processInfo.hostName
        return "\(host)/\(getpid())/\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// What one worker process did.
public struct WorkerSummary: Sendable, Equatable {
    /// Jobs this worker finished, by outcome (a job already done by another counts too).
    public var done: [JobResult.Outcome: Int] = [:]
    public var failed = 0
    /// Jobs given back for another attempt after a transient error.
    public var retried = 0
    /// Why the worker stopped on its own, if it did (the queue or the log unreachable).
    public var stopReason: String?

    public var jobs: Int { done.values.reduce(0, +) + failed + retried }
}

/// Runs jobs from a ``JobQueue`` until stopped (or, with ``WorkerOptions/exitWhenEmpty``, until
/// the queue has no unfinished work): `concurrency` threads each claim, process and finish jobs,
/// and one more renews the leases of every job this worker holds.
///
/// Stopping (``StopSignal/raise()``, on SIGINT or SIGTERM) lets each thread finish the job it is
/// on, gives its unstarted claimed jobs back to the queue, and returns. A worker killed outright
/// leaves its jobs leased; their leases expire and other workers take them.
///
/// `process` does the job (scan, log) and says how it went; it must not throw and must be safe to
/// call from several threads. It may run twice for one job (at least once), so whatever it writes
/// must be idempotent by job id, as ``JobLogger`` is.
public final class QueueWorker: @unchecked Sendable {
    let queue: JobQueue
    let options: WorkerOptions
    let process: @Sendable (Job) -> JobOutcome
    public let stop: StopSignal
    private let lock = NSLock()
    private var held = Set<UUID>()
    private var summary = WorkerSummary()

    public init(queue: JobQueue, options: WorkerOptions, stop: StopSignal = StopSignal(),
                process: @escaping @Sendable (Job) -> JobOutcome) {
        self.queue = queue
        self.options = options
        self.stop = stop
        self.process = process
    }

    /// Works until stopped; returns what this worker did.
    public func run() -> WorkerSummary {
        let threadsDone = StopSignal()
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread { [self] in
            renewLeases(until: threadsDone)
            group.leave()
        }
        let workers = DispatchGroup()
        for _ in 0..<max(1, options.concurrency) {
            workers.enter()
            Thread.detachNewThread { [self] in
                work()
                workers.leave()
            }
        }
        workers.wait()
        threadsDone.raise()
        group.wait()
        return lock.withLock { summary }
    }

    /// One thread: claim, process, finish, until stopped or (with exitWhenEmpty) out of work.
    private func work() {
        while !stop.isRaised {
            let jobs: [Job]
            do {
                jobs = try persist {
                    try queue.claim(owner: options.owner, limit: options.claimSize, lease: options.lease, maxAttempts: options.maxAttempts)
                }
            } catch {
                halt("the queue: \(error)")
                return
            }
            if jobs.isEmpty {
                if options.exitWhenEmpty {
                    do { if try !persist({ try queue.hasUnfinishedWork() }) { return } } catch { halt("the queue: \(error)"); return }
                }
                stop.wait(options.idlePoll * Double.random(in: 0.75...1.25))
                continue
            }
            lock.withLock { held.formUnion(jobs.map(\.id)) }
            for (k, job) in jobs.enumerated() {
                if stop.isRaised {
                    giveBack(jobs[k...])
                    return
                }
                finish(job, process(job))
                lock.withLock { _ = held.remove(job.id) }
            }
        }
    }

    /// Records what processing `job` came to.
    private func finish(_ job: Job, _ outcome: JobOutcome) {
        do {
            switch outcome {
            case .done(let result):
                _ = try persist { try queue.complete(job.id, result) }
                lock.withLock { summary.done[result.outcome, default: 0] += 1 }
            case .failed(let reason):
                _ = try persist { try queue.fail(job.id, reason: reason) }
                lock.withLock { summary.failed += 1 }
            case .retry(let reason), .stop(let reason):
                let state = try persist { try queue.release(job.id, owner: options.owner, reason: reason, maxAttempts: options.maxAttempts) }
                lock.withLock { if state == .failed { summary.failed += 1 } else { summary.retried += 1 } }
                if case .stop = outcome { halt(reason) }
            }
        } catch {
            // The job stays leased to us; its lease expires and it runs again (idempotently).
            halt("the queue: \(error)")
        }
    }

    /// Runs a queue call, waiting out an unreachable server (with backoff, for up to
    /// ``WorkerOptions/outageTolerance``) instead of giving up at the first refused connection.
    private func persist<T>(_ body: () throws -> T) throws -> T {
        let start = Date()
        var delay = 0.2
        while true {
            do {
                return try body()
            } catch let e as QueueError where e.kind == .unavailable && Date().timeIntervalSince(start) + delay < options.outageTolerance {
                Thread.sleep(forTimeInterval: delay)
                delay = min(5, delay * 2)
            }
        }
    }

    /// Claimed jobs this thread did not start go back without counting as an attempt.
    private func giveBack(_ jobs: ArraySlice<Job>) {
        for job in jobs {
            _ = try? queue.release(job.id, owner: options.owner, reason: nil, maxAttempts: options.maxAttempts)
            lock.withLock { _ = held.remove(job.id) }
        }
    }

    /// Stops every thread of this worker, keeping the first reason.
    private func halt(_ reason: String) {
        lock.withLock { if summary.stopReason == nil { summary.stopReason = reason } }
        stop.raise()
    }

    /// Renews the leases of the jobs this worker holds every third of a lease, until `done`.
    /// A failed renewal is not fatal: the next one may succeed, and a lease that lapses only
    /// means the job may run twice.
    private func renewLeases(until done: StopSignal) {
        while !done.wait(options.lease / 3) {
            let jobs = lock.withLock { Array(held) }
            _ = try? queue.renew(owner: options.owner, jobs: jobs, lease: options.lease)
        }
    }
}
