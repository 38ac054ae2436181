import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import HummingbirdTesting
import Logging
import RedactLog
@testable import RedactServe

/// A temporary folder, removed when the value goes away.
final class TempFolder: @unchecked Sendable {
    let path: String
    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("redact-serve-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The scanner is built once for the whole test process (compiling the packs is the slow part).
enum SharedDocuments {
    static let service: DocumentService = {
        var c = ServeConfiguration()
        c.workDirectory = NSTemporaryDirectory()
        return try! DocumentService(configuration: c, version: "test")
    }()
}

/// A server's services over a fresh log, with one token per role and area.
struct TestServer: Sendable {
    let folder: TempFolder
    let services: ServeServices
    /// Tokens by label: `op-ne` (operator, NE), `op-lon` (operator, LON), `am-ne` (area manager, NE),
    /// `am-lon`, `nat` (national), `revoked` (operator NE, revoked).
    let tokens: [String: String]

    static let areas = ("cps-north-east", "cps-london-north")

    init(maxBodyBytes: Int = 1 << 20) throws {
        folder = TempFolder()
        var c = ServeConfiguration()
        c.logPath = (folder.path as NSString).appendingPathComponent("log.sqlite")
        c.maxBodyBytes = maxBodyBytes
        c.workDirectory = folder.path
        let documents = SharedDocuments.service
        let store = try SQLiteLogStore(path: c.logPath!, reference: documents.reference, redactor: documents.logRedactor)
        services = ServeServices(configuration: c, store: store, documents: documents, version: "test")
        var tokens: [String: String] = [:]
        for (label, role, area) in [("op-ne", "operator", Self.areas.0), ("op-lon", "operator", Self.areas.1),
                                    ("am-ne", "area-manager", Self.areas.0), ("am-lon", "area-manager", Self.areas.1),
                                    ("nat", "national", nil), ("revoked", "operator", Self.areas.0)] as [(String, String, String?)] {
            let (token, hash) = AccessTokens.generate()
            try store.createAccessToken(name: label, role: role, area: area, sha256: hash)
            tokens[label] = token
        }
        try store.revokeAccessToken("revoked")
        self.tokens = tokens
    }

    func application() -> some ApplicationProtocol {
        let (router, _) = ServeApplication.router(services: services)
        var logger = Logger(label: "redact.serve.test")
        logger.logLevel = .warning
        return Application(router: router, logger: logger)
    }

    func headers(_ label: String?, contentType: String? = nil) -> HTTPFields {
        var h = HTTPFields()
        if let label { h[.authorization] = "Bearer \(tokens[label] ?? label)" }
        if let contentType { h[.contentType] = contentType }
        return h
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: [String: Any] {
        guard let o = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else { return [:] }
        return o
    }
}

/// A synthetic statement with known personal data (specimen and drama-range values).
enum Sample {
    static let text = """
    WITNESS STATEMENT
    Name: Ayodele Okafor
    NHS number 943 476 5919, phone 07700 900123, email j.okafor@example.org.
    Address: 12 Acacia Avenue, London SW1A 1AA.
    """
    static let planted = ["943 476 5919", "07700 900123", "j.okafor@example.org", "SW1A 1AA", "Ayodele Okafor"]
}
