import Foundation
import GRDB
import Testing
@testable import RedactLog

/// The access table of `redact serve` (migration v3-access): hashes only, outside the chain.
@Suite struct AccessTokenTests {
    static let hash = String(repeating: "ab", count: 32)

    @Test func createLookUpListAndRevoke() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        let t = try store.createAccessToken(name: "wessex-op", role: "operator", area: "cps-wessex", sha256: Self.hash)
        #expect(t.id.hasPrefix("tok_") && t.id.count == 16)
        #expect(try store.accessToken(sha256: Self.hash)?.name == "wessex-op")
        #expect(try store.accessToken(sha256: String(repeating: "cd", count: 32)) == nil)
        #expect(try store.accessTokens().map(\.name) == ["wessex-op"])
        let revoked = try store.revokeAccessToken("wessex-op")
        #expect(revoked.isRevoked)
        #expect(try store.accessToken(id: t.id)?.isRevoked == true)
        #expect(try store.revokeAccessToken(t.id).isRevoked)   // twice is fine
    }

    @Test func refusesDuplicatesUnknownAreasAndUnknownTokens() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.createAccessToken(name: "a", role: "national", area: nil, sha256: Self.hash)
        #expect(throws: LogError.self) { try store.createAccessToken(name: "a", role: "national", area: nil, sha256: "x") }
        #expect(throws: LogError.self) { try store.createAccessToken(name: "b", role: "operator", area: "atlantis", sha256: "y") }
        #expect(throws: LogError.self) { try store.revokeAccessToken("nobody") }
    }

    @Test func tokensStayOutsideTheChain() throws {
        let dir = TempDir()
        let store = try makeStore(dir)
        try store.recordDisclosure(DisclosureEvent(context: context, documentName: "mg11.txt", originalSHA256: String(repeating: "1", count: 64),
                                                   redactedSHA256: String(repeating: "2", count: 64), redactions: []))
        let before = try store.checkpoint()
        try store.createAccessToken(name: "a", role: "national", area: nil, sha256: Self.hash)
        try store.revokeAccessToken("a")
        #expect(try store.checkpoint() == before)
        #expect(try store.verify().isValid)
        // Not a chained table, and no append-only triggers (revoking is an update).
        #expect(!Schema.children.map(\.name).contains("access_token"))
        let triggers = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'access_token'")
        }
        #expect(triggers.isEmpty)
    }
}
