import Crypto
import Foundation
import RedactLog

/// Makes and checks API tokens. A token is `rdt_` + 43 base64url characters (256 random bits);
/// only its SHA-256 is stored (in the log file's access table, outside the hash chain).
///
/// ```swift
/// let (token, hash) = AccessTokens.generate()
/// try store.createAccessToken(name: "pipeline-ne", role: "operator", area: "NE", sha256: hash)
/// print(token)   // shown once, never again
/// ```
public enum AccessTokens {
    public static let prefix = "rdt_"

    /// A new token and its SHA-256 (lowercase hex).
    public static func generate() -> (token: String, sha256: String) {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let token = prefix + base64url(bytes)
        return (token, sha256(token))
    }

    /// SHA-256 of the token's UTF-8 bytes, lowercase hex.
    public static func sha256(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Random URL-safe text with `bytes` bytes of entropy (session ids, CSRF tokens).
    public static func randomText(bytes: Int = 32) -> String {
        var rng = SystemRandomNumberGenerator()
        return base64url((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &rng) })
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Constant-time comparison of two ASCII secrets (CSRF tokens).
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

/// Resolves a presented token (or a session's token id) to a principal. The server uses the log
/// store's access table; tests may use it too (a temporary log).
public struct TokenAuthority: Sendable {
    let store: any LogStore

    public init(store: any LogStore) { self.store = store }

    /// The principal for a presented bearer token; nil when unknown, revoked or malformed.
    public func principal(forToken token: String, via: Principal.Via) -> Principal? {
        guard token.hasPrefix(AccessTokens.prefix), token.utf8.count < 200 else { return nil }
        guard let row = try? store.accessToken(sha256: AccessTokens.sha256(token)) else { return nil }
        return Self.principal(row, via: via)
    }

    /// The principal for a token id (a session re-checks its token on every request, so a
    /// revoked token ends its sessions at once); nil when unknown or revoked.
    public func principal(forTokenID id: String, via: Principal.Via) -> Principal? {
        guard let row = try? store.accessToken(id: id) else { return nil }
        return Self.principal(row, via: via)
    }

    static func principal(_ row: AccessToken?, via: Principal.Via) -> Principal? {
        guard let row, !row.isRevoked, let role = Principal.Role(rawValue: row.role) else { return nil }
        return Principal(tokenID: row.id, name: row.name, role: role, area: row.area, via: via)
    }
}
