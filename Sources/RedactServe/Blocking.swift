import NIOPosix

/// Runs synchronous work (scanning, redacting, SQLite writes) on NIO's blocking thread pool
/// instead of a Swift concurrency thread: the cooperative pool has one thread per core, and a
/// request that holds one for tens of milliseconds would stall every other request's body
/// reading behind it. The pool queues work in order, so under load requests are served
/// roughly first come, first served.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
