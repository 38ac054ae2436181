import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One PostgreSQL connection used synchronously: the log's API is synchronous (the SQLite store
/// and every caller are), so each call here waits on PostgresNIO's future on the calling thread.
///
/// Why futures and `wait()` rather than `async`: bridging to `async` with a semaphore blocks a
/// thread of Swift's cooperative pool while the task it waits for needs that same pool (a
/// deadlock on a 2-core machine). PostgresNIO's futures complete on its own NIO event loops,
/// which are never the caller's thread. Never call these methods *on* an event loop.
///
/// A connection is not shared between threads: ``PGPool`` hands one to one caller at a time.
package final class PGConnection: @unchecked Sendable {
    package let url: PostgresURL
    private(set) var connection: PostgresConnection
    package private(set) var isBroken = false
    static let logger = Logger(label: "redact.log.postgres")
    private static let ids = ManagedAtomicCounter()

    /// Connects. With `readOnly`, every transaction of the session is read-only
    /// (`default_transaction_read_only`), so the server itself refuses a write. `settings`: other
    /// run-time parameters for the session, sent at start-up (the job queue's connections turn
    /// `synchronous_commit` off).
    package init(url: PostgresURL, connectTimeout: TimeInterval = 10, readOnly: Bool = false,
                 settings: [(String, String)] = []) throws {
        self.url = url
        connection = try Self.open(url, timeout: connectTimeout, readOnly: readOnly, settings: settings)
    }

    static func open(_ url: PostgresURL, timeout: TimeInterval, readOnly: Bool,
                     settings: [(String, String)] = []) throws -> PostgresConnection {
        var config = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                      password: url.password, database: url.database, tls: .disable)
        if url.tls != .disable {
            throw LogError(.storage, "TLS to PostgreSQL (sslmode=\(url.tls.rawValue)) is not supported by this build: use a loopback or tunnelled connection")
        }
        config.options.connectTimeout = .milliseconds(Int64(timeout * 1000))
        config.options.additionalStartupParameters = [("application_name", "redact")] + settings
        if readOnly { config.options.additionalStartupParameters.append(("default_transaction_read_only", "on")) }
        // Errors stay PostgresNIO's so that `PGRetry` can tell a refused connection (the server
        // restarting: retry) from a refused password; callers map them to `LogError`.
        // A server that accepts the socket but never finishes start-up (shutting down, starting
        // up) must not hang the caller: the whole handshake has a deadline.
        let connecting = PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: config,
                                                    id: ids.next(), logger: logger)
        return try Self.wait(connecting, deadline: timeout * 2) { connecting.whenSuccess { let _: EventLoopFuture<Void> = $0.close() } }
    }

    /// Runs one statement with `$1...$n` parameters and returns every row.
    @discardableResult
    package func query(_ sql: String, _ binds: [LogValue] = []) throws -> [PostgresRow] {
        var bindings = PostgresBindings(capacity: binds.count)
        for b in binds {
            switch b {
            case .null: bindings.appendNull()
            case .int(let x): bindings.append(x)
            case .text(let s): bindings.append(s)
            }
        }
        do {
            return try wait(connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: Self.logger)).rows
        } catch {
            if PGError.isConnectionLoss(error) { isBroken = true }
            throw error
        }
    }

    /// The longest any one statement may take before the connection is given up as dead.
    ///
    /// Why: a connection the server dropped while it sat idle in the pool can leave a query's
    /// future pending forever instead of failing; with a deadline the caller reconnects and
    /// retries. Statements here are short (one batch, one append), so two minutes is generous.
    package var statementDeadline: TimeInterval = 120

    private func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let connection = self.connection
        do {
            return try Self.wait(future, deadline: statementDeadline, isDead: { connection.isClosed }) {}
        } catch let e as PGError.Timeout {
            isBroken = true
            let _: EventLoopFuture<Void> = connection.close()
            throw e
        }
    }

    /// Waits for `future` at most `deadline` seconds, and no longer than `isDead` stays false
    /// (checked twice a second); otherwise runs `abandon` and throws ``PGError/Timeout``, which
    /// the retry treats as a lost connection.
    ///
    /// Why `isDead`: when the server ends a connection while a statement is queued on it (a fast
    /// shutdown), PostgresNIO can leave that statement's future pending; the closed channel is
    /// the only sign.
    static func wait<T: Sendable>(_ future: EventLoopFuture<T>, deadline: TimeInterval,
                                  isDead: (@Sendable () -> Bool)? = nil, abandon: () -> Void) throws -> T {
        let loop = future.eventLoop
        let promise = loop.makePromise(of: T.self)
        let timer = loop.scheduleTask(in: .milliseconds(Int64(deadline * 1000))) {
            promise.fail(PGError.Timeout())
        }
        let watch = isDead.map { dead in
            loop.scheduleRepeatedTask(initialDelay: .milliseconds(500), delay: .milliseconds(500)) { _ in
                if dead() { promise.fail(PGError.Timeout()) }
            }
        }
        future.whenComplete { result in
            timer.cancel()
            watch?.cancel()
            promise.completeWith(result)
        }
        do {
            return try promise.futureResult.wait()
        } catch let e as PGError.Timeout {
            timer.cancel()
            watch?.cancel()
            abandon()
            throw e
        }
    }

    /// Runs SQL that may hold several statements and no parameters (migrations), one statement
    /// at a time: PostgresNIO sends every query as a prepared statement, which holds only one.
    package func execute(script sql: String) throws {
        for statement in Self.statements(sql) { try query(statement) }
    }

    /// Splits a script at the semicolons that end statements: not inside `$$...$$` bodies,
    /// quotes or `--` comments.
    static func statements(_ sql: String) -> [String] {
        var out: [String] = []
        var current = ""
        var dollar = false, quote = false, comment = false
        var previous: Character = " "
        for ch in sql {
            if comment {
                if ch == "\n" { comment = false }
                current.append(ch); previous = ch; continue
            }
            if !quote && ch == "$" && previous == "$" { dollar.toggle() }
            else if !dollar && ch == "'" { quote.toggle() }
            else if !dollar && !quote && ch == "-" && previous == "-" { comment = true }
            if ch == ";" && !dollar && !quote {
                let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty { out.append(t) }
                current = ""
            } else {
                current.append(ch)
            }
            previous = ch
        }
        let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty && !t.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }) { out.append(t) }
        return out
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        try query("BEGIN")
        do {
            let value = try body()
            try query("COMMIT")
            return value
        } catch {
            if !isBroken { _ = try? query("ROLLBACK") }
            throw error
        }
    }

    package func close() {
        _ = try? connection.close().wait()
    }
}

/// A small pool of synchronous connections: the store is `Sendable` and `redact serve` calls it
/// from many tasks at once, but a transaction needs a connection to itself.
package final class PGPool: @unchecked Sendable {
    let url: PostgresURL
    let maxConnections: Int
    /// Whether every connection's session is read-only (see ``PGConnection/init(url:connectTimeout:readOnly:)``).
    let readOnly: Bool
    let settings: [(String, String)]
    private let condition = NSCondition()
    private var idle: [PGConnection] = []
    private var open = 0
    private var closed = false

    package init(url: PostgresURL, maxConnections: Int = 8, readOnly: Bool = false, settings: [(String, String)] = []) {
        self.url = url
        self.maxConnections = max(1, maxConnections)
        self.readOnly = readOnly
        self.settings = settings
    }

    /// Runs `body` with a connection of its own; a connection that broke is thrown away.
    package func withConnection<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let c = try checkOut()
        defer { checkIn(c) }
        return try body(c)
    }

    private func checkOut() throws -> PGConnection {
        condition.lock()
        while true {
            if closed { condition.unlock(); throw LogError(.storage, "the PostgreSQL log is closed") }
            if let c = idle.popLast() {
                // The server may have closed it while it sat idle (a restart): open a new one.
                if c.connection.isClosed { open -= 1; continue }
                condition.unlock()
                return c
            }
            if open < maxConnections { break }
            condition.wait()
        }
        open += 1
        condition.unlock()
        do {
            return try PGConnection(url: url, readOnly: readOnly, settings: settings)
        } catch {
            condition.lock(); open -= 1; condition.signal(); condition.unlock()
            throw error
        }
    }

    private func checkIn(_ c: PGConnection) {
        condition.lock()
        if c.isBroken || closed {
            open -= 1
            condition.unlock()
            c.close()
        } else {
            idle.append(c)
            condition.unlock()
        }
        condition.lock(); condition.signal(); condition.unlock()
    }

    package func close() {
        condition.lock()
        closed = true
        let all = idle
        idle = []
        open -= all.count
        condition.broadcast()
        condition.unlock()
        for c in all { c.close() }
    }

    deinit { for c in idle { c.close() } }
}

/// Connection ids for PostgresNIO's logs.
final class ManagedAtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
