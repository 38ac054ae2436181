import Foundation

/// A flag that any thread may raise once and others wait on: how a worker is told to stop
/// (SIGINT, SIGTERM, a fatal error) and how its idle waits end early.
public final class StopSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var raised = false

    public init() {}

    public func raise() {
        condition.lock()
        raised = true
        condition.broadcast()
        condition.unlock()
    }

    public var isRaised: Bool {
        condition.lock()
        defer { condition.unlock() }
        return raised
    }

    /// Sleeps up to `seconds`; returns early, with true, when the signal is raised.
    @discardableResult
    public func wait(_ seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !raised {
            if !condition.wait(until: deadline) { break }
        }
        return raised
    }
}
