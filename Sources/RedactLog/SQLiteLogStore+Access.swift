import Foundation
import GRDB

/// One API token of `redact serve`, as stored: never the token itself, only its SHA-256.
public struct AccessToken: Sendable, Equatable {
    /// A short random id (`tok_` + 12 hex digits), safe to print and to log.
    public var id: String
    /// The label given at creation (unique): how people name the token, e.g. `pipeline-ne`.
    public var name: String
    /// `operator`, `area-manager` or `national` (checked by the server, not here).
    public var role: String
    /// The area code the token is bound to (nil for national tokens).
    public var area: String?
    public var createdAt: Date
    public var revokedAt: Date?
    public var isRevoked: Bool { revokedAt != nil }

    public init(id: String, name: String, role: String, area: String?, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.area = area
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

extension AccessToken {
    /// A new token's row: checks the name and area and draws a short random id.
    static func new(name: String, role: String, area: String?, reference: Reference, now: Date) throws -> AccessToken {
        guard !name.isEmpty, name.count <= 100 else { throw LogError(.invalidInput, "a token name has 1 to 100 characters") }
        if let area { _ = try reference.validate(area, .areas) }
        var bytes = [UInt8](repeating: 0, count: 6)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        return AccessToken(id: "tok_" + bytes.map { String(format: "%02x", $0) }.joined(), name: name, role: role,
                           area: area, createdAt: now)
    }
}

/// The access table (see `Migrations.v3AccessSQL`): outside the hash chain, so tokens can be
/// revoked. Lookups are by the token's SHA-256 (hex), which is all that is stored.
///
/// ```swift
/// let token = try store.createAccessToken(name: "pipeline-ne", role: "operator", area: "NE", sha256: hash)
/// let who = try store.accessToken(sha256: hash)   // nil: unknown; .isRevoked: revoked
/// ```
extension SQLiteLogStore {
    /// Stores a new token. - Throws: `LogError(.conflict)` when the name is taken.
    @discardableResult
    public func createAccessToken(name: String, role: String, area: String?, sha256: String) throws -> AccessToken {
        let token = try AccessToken.new(name: name, role: role, area: area, reference: reference, now: options.clock())
        do {
            try writer.write { db in
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM access_token WHERE name = ?", arguments: [name]) == true {
                    throw LogError(.conflict, "a token named \(name) already exists (revoke it or choose another name)")
                }
                try db.execute(
                    sql: "INSERT INTO access_token (token_id, name, role, area, token_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [token.id, name, role, area, sha256, LogTime.format(token.createdAt)])
            }
        } catch {
            throw LogError.storage(error, doing: "storing the token")
        }
        return token
    }

    /// The token whose SHA-256 (lowercase hex) is `sha256`, revoked or not; nil if none.
    public func accessToken(sha256: String) throws -> AccessToken? {
        try fetchTokens(where: "token_sha256 = ?", [sha256]).first
    }

    /// The token with this id, revoked or not; nil if none.
    public func accessToken(id: String) throws -> AccessToken? {
        try fetchTokens(where: "token_id = ?", [id]).first
    }

    /// Every token, oldest first.
    public func accessTokens() throws -> [AccessToken] {
        try fetchTokens(where: "1", [])
    }

    /// Revokes the token with this id or name (revoking twice is not an error).
    /// - Throws: `LogError(.notFound)` when no token has that id or name.
    @discardableResult
    public func revokeAccessToken(_ idOrName: String) throws -> AccessToken {
        let now = LogTime.format(options.clock())
        do {
            try writer.write { db in
                try db.execute(sql: "UPDATE access_token SET revoked_at = ? WHERE (token_id = ? OR name = ?) AND revoked_at IS NULL",
                               arguments: [now, idOrName, idOrName])
            }
        } catch {
            throw LogError.storage(error, doing: "revoking the token")
        }
        guard let token = try fetchTokens(where: "token_id = ? OR name = ?", [idOrName, idOrName]).first else {
            throw LogError(.notFound, "no token with id or name \(idOrName)")
        }
        return token
    }

    private func fetchTokens(where condition: String, _ arguments: [String]) throws -> [AccessToken] {
        do {
            return try writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT token_id, name, role, area, created_at, revoked_at FROM access_token
                    WHERE \(condition) ORDER BY created_at, token_id
                    """, arguments: StatementArguments(arguments)).map { row in
                    AccessToken(id: row["token_id"], name: row["name"], role: row["role"], area: row["area"],
                                createdAt: LogTime.parse(row["created_at"]) ?? Date(timeIntervalSince1970: 0),
                                revokedAt: (row["revoked_at"] as String?).flatMap(LogTime.parse))
                }
            }
        } catch {
            throw LogError.storage(error, doing: "reading the access table")
        }
    }
}
