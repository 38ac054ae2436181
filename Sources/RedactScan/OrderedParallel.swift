import Dispatch
import Foundation

/// Runs `work` for each index on all cores and hands the results to `deliver` in index order,
/// as soon as each next one is ready, so output streams in input order without waiting for the
/// whole batch. `deliver` runs under a lock, one call at a time.
public func orderedParallel<Result>(
    count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    work: (Int) -> Result, deliver: (Int, Result) -> Void
) {
    guard count > 0 else { return }
    if workers <= 1 || count == 1 {
        for i in 0..<count { deliver(i, work(i)) }
        return
    }
    withoutActuallyEscaping(work) { work in
        withoutActuallyEscaping(deliver) { deliver in
            let state = OrderedState(work: work, deliver: deliver, count: count)
            DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in state.runWorker() }
        }
    }
}

/// Shared state of one `orderedParallel` run. Every mutable field is guarded by `lock`, and
/// the closures are only called as documented (work in parallel, deliver under the lock), which
/// is what makes the `@unchecked Sendable` sound.
private final class OrderedState<Result>: @unchecked Sendable {
    let work: (Int) -> Result
    let deliver: (Int, Result) -> Void
    let count: Int
    let lock = NSLock()
    var pending: [Int: Result] = [:]
    var next = 0
    var claimed = 0

    init(work: @escaping (Int) -> Result, deliver: @escaping (Int, Result) -> Void, count: Int) {
        self.work = work
        self.deliver = deliver
        self.count = count
    }

    func runWorker() {
        while true {
            lock.lock()
            let i = claimed
            claimed += 1
            lock.unlock()
            if i >= count { return }
            let r = work(i)
            lock.lock()
            pending[i] = r
            while let ready = pending.removeValue(forKey: next) {
                deliver(next, ready)
                next += 1
            }
            lock.unlock()
        }
    }
}
