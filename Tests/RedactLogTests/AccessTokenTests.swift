import Foundation
import Testing
@testable import RedactLog

/// The access table of `redact serve` (migration v3-access): hashes only, outside the chain.
@Suite struct AccessTokenTests {
    static let hash = String(repeating: "ab", count: 32)

    @Test(arguments: Backend.allCases) func createLookUpListAndRevoke(backend: Backend) throws {
        let store = try backend.makeLog()
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

    @Test(arguments: Backend.allCases) func refusesDuplicatesUnknownAreasAndUnknownTokens(backend: Backend) throws {
        let store = try backend.makeLog()
        try store.createAccessToken(name: "a", role: "national", area: nil, sha256: Self.hash)
        let duplicate = #expect(throws: LogError.self) { try store.createAccessToken(name: "a", role: "national", area: nil, sha256: "x") }
        #expect(duplicate?.kind == .conflict)
        // Another name with a hash already stored: refused, and not blamed on the name.
        let sameHash = #expect(throws: LogError.self) { try store.createAccessToken(name: "c", role: "national", area: nil, sha256: Self.hash) }
        #expect(sameHash?.kind == .conflict)
        #expect(sameHash?.message.contains("named") == false)
        let area = #expect(throws: LogError.self) { try store.createAccessToken(name: "b", role: "operator", area: "atlantis", sha256: "y") }
        #expect(area?.kind == .unknownCode)
        #expect((#expect(throws: LogError.self) { try store.revokeAccessToken("nobody") })?.kind == .notFound)
        #expect(try store.accessTokens().map(\.name) == ["a"])
    }

    @Test(arguments: Backend.allCases) func tokensStayOutsideTheChain(backend: Backend) throws {
        let store = try backend.makeLog()
        try store.recordDisclosure(DisclosureEvent(context: context, documentName: "mg11.txt", originalSHA256: String(repeating: "1", count: 64),
                                                   redactedSHA256: String(repeating: "2", count: 64), redactions: []))
        let before = try store.checkpoint()
        try store.createAccessToken(name: "a", role: "national", area: nil, sha256: Self.hash)
        try store.revokeAccessToken("a")
        #expect(try store.checkpoint() == before)
        #expect(try store.verify().isValid)
        // Not a chained table, and no append-only triggers (revoking is an update).
        #expect(!Schema.children.map(\.name).contains("access_token"))
        let triggers = try store.column(backend == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'access_token'"
            : "SELECT tgname FROM pg_trigger WHERE tgrelid = 'access_token'::regclass AND NOT tgisinternal")
        #expect(triggers.isEmpty)
        // (the same queries find the triggers of a chained table)
        #expect(!(try store.column(backend == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entry'"
            : "SELECT tgname FROM pg_trigger WHERE tgrelid = 'entry'::regclass AND NOT tgisinternal")).isEmpty)
    }
}
