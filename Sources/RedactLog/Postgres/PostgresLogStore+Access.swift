import Foundation

/// The access table of `redact serve` in the PostgreSQL log: outside the chain, as in SQLite
/// (see `SQLiteLogStore+Access.swift`).
extension PostgresLogStore {
    @discardableResult
    public func createAccessToken(name: String, role: String, area: String?, sha256: String) throws -> AccessToken {
        let token = try AccessToken.new(name: name, role: role, area: area, reference: reference, now: options.clock())
        do {
            try pool.withConnection { c in
                try c.query("""
                    INSERT INTO access_token (token_id, name, role, area, token_sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6)
                    """, [.text(token.id), .text(name), .text(role), area.map(LogValue.text) ?? .null, .text(sha256),
                          .text(LogTime.format(token.createdAt))])
            }
        } catch where PGError.isUniqueViolation(error) && PGError.constraintName(error) == "access_token_name_key" {
            throw LogError(.conflict, "a token named \(name) already exists (revoke it or choose another name)")
        } catch {
            throw PGError.map(error, doing: "storing the token")
        }
        return token
    }

    public func accessToken(sha256: String) throws -> AccessToken? {
        try fetchTokens(where: "token_sha256 = $1", [sha256]).first
    }

    public func accessToken(id: String) throws -> AccessToken? {
        try fetchTokens(where: "token_id = $1", [id]).first
    }

    public func accessTokens() throws -> [AccessToken] {
        try fetchTokens(where: "TRUE", [])
    }

    @discardableResult
    public func revokeAccessToken(_ idOrName: String) throws -> AccessToken {
        let now = LogTime.format(options.clock())
        try read(action: "revoking the token") { c in
            try c.query("UPDATE access_token SET revoked_at = $1 WHERE (token_id = $2 OR name = $2) AND revoked_at IS NULL",
                        [.text(now), .text(idOrName)])
        }
        guard let token = try fetchTokens(where: "token_id = $1 OR name = $1", [idOrName]).first else {
            throw LogError(.notFound, "no token with id or name \(idOrName)")
        }
        return token
    }

    private func fetchTokens(where condition: String, _ arguments: [String]) throws -> [AccessToken] {
        try read(action: "reading the access table") { c in
            try c.query("""
                SELECT token_id, name, role, area, created_at, revoked_at FROM access_token
                WHERE \(condition) ORDER BY created_at, token_id
                """, arguments.map(LogValue.text)).map { row in
                let (id, name, role, area, created, revoked) = try row.decode((String, String, String, String?, String, String?).self)
                return AccessToken(id: id, name: name, role: role, area: area,
                                   createdAt: LogTime.parse(created) ?? Date(timeIntervalSince1970: 0),
                                   revokedAt: revoked.flatMap(LogTime.parse))
            }
        }
    }
}
