import Foundation

/// Where a PostgreSQL log or queue is: `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=...`.
///
/// `--log` and `--queue` take either this or a file path; ``isPostgres(_:)`` tells them apart.
/// The password is never printed: ``description`` leaves it out, so the URL can go into error
/// messages, the server's start-up line and a pack's provenance.
///
/// The password may also come from `PGPASSWORD` (as with `psql`), so it need not appear on a
/// command line, where `ps` would show it.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String, tls: TLSMode = .disable) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a `postgres://` or `postgresql://` URL; nil when it is not one.
    public init?(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard Self.isPostgres(text), let c = URLComponents(string: text), let host = c.host, !host.isEmpty else { return nil }
        self.host = host
        self.port = c.port ?? 5432
        self.user = c.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? "postgres"
        self.password = c.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        self.database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        let mode = c.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        switch mode {
        case "disable", "allow": tls = .disable
        case "prefer": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        default: return nil
        }
    }

    /// The same server, another database (tests make a throwaway database each).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// `postgres://USER@HOST:PORT/DATABASE`: never the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The full URL, password included: for handing to a child process, never for printing.
    public var secretURL: String {
        var c = URLComponents()
        c.scheme = "postgres"
        c.host = host
        c.port = port
        c.user = user
        c.password = password
        c.path = "/" + database
        if tls != .disable { c.queryItems = [URLQueryItem(name: "sslmode", value: tls.rawValue)] }
        return c.string ?? description
    }
}
