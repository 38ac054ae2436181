import Foundation

/// Runs independent jobs on the machine's cores and waits for all of them.
///
/// Why: a pack is a dozen independent aggregate queries, each bound by one core; on a 2-core
/// machine running them two at a time halves the wall time. Each job writes only its own
/// ``Slot``; the first error (if any) is rethrown after every job has finished.
enum Parallel {
    /// One job's result, written by that job only and read after all have finished.
    final class Slot<T>: @unchecked Sendable {
        var value: T?
    }

    static func run(_ jobs: [@Sendable () throws -> Void]) throws {
        // REDACT_PACK_THREADS=1 runs the jobs one after another (to time each alone).
        if ProcessInfo.processInfo.environment["REDACT_PACK_THREADS"] == "1" {
            for job in jobs { try job() }
            return
        }
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            do { try jobs[i]() } catch { errors.add(error) }
        }
        if let e = errors.first { throw e }
    }

    final class ErrorBox: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [any Error] = []
        func add(_ e: any Error) { lock.withLock { errors.append(e) } }
        var first: (any Error)? { lock.withLock { errors.first } }
    }
}
