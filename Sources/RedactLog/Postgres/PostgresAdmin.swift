import Foundation

/// Creating and dropping whole databases on a PostgreSQL server: what the tests (a throwaway
/// database each) and the scale benchmarks need. Connects to the server's maintenance database
/// named in the URL.
public enum PostgresAdmin {
    /// Creates an empty database named `name` (letters, digits and underscores only).
    public static func createDatabase(_ name: String, on server: PostgresURL) throws {
        try run("CREATE DATABASE \(try identifier(name))", on: server, doing: "creating a database")
    }

    /// Drops the database, disconnecting anyone still using it; no error if it is gone already.
    public static func dropDatabase(_ name: String, on server: PostgresURL) throws {
        try run("DROP DATABASE IF EXISTS \(try identifier(name)) WITH (FORCE)", on: server, doing: "dropping a database")
    }

    private static func identifier(_ name: String) throws -> String {
        guard !name.isEmpty, name.count <= 63, name.utf8.allSatisfy({ $0 == 0x5F || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw LogError(.invalidInput, "a database name has 1 to 63 lower-case letters, digits and underscores")
        }
        return name
    }

    private static func run(_ sql: String, on server: PostgresURL, doing action: String) throws {
        do {
            try PGRetry(deadline: 30).run { _ in
                let c = try PGConnection(url: server)
                defer { c.close() }
                try c.query(sql)
            }
        } catch {
            throw PGError.map(error, doing: action)
        }
    }
}
