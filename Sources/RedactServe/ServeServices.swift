import Foundation
import Logging
import RedactApply
import RedactLog
import RedactPatterns
import RedactProfiles
import RedactReport
import RedactScan

/// Everything the routes share, built once at start-up: the configuration, the log store (and
/// its access table), the token authority, the sessions, the metrics and the scanner. API
/// routes and UI routes (``UIRoutes``) get the same value.
public struct ServeServices: Sendable {
    public let configuration: ServeConfiguration
    public let store: any LogStore
    public let authority: TokenAuthority
    public let sessions: SessionStore
    public let metrics: ServeMetrics
    public let documents: DocumentService
    public let logger: Logger
    public let version: String
    /// HMAC key for each redacted value's log row (`value_hmac_key` in the configuration).
    public let valueKey: [UInt8]?

    public init(configuration: ServeConfiguration, store: any LogStore, documents: DocumentService,
                metrics: ServeMetrics = ServeMetrics(), logger: Logger = Logger(label: "redact.serve"),
                version: String, valueKey: [UInt8]? = nil) {
        self.configuration = configuration
        self.store = store
        self.authority = TokenAuthority(store: store)
        self.sessions = SessionStore(lifetime: configuration.sessionHours * 3600)
        self.metrics = metrics
        self.documents = documents
        self.logger = logger
        self.version = version
        self.valueKey = valueKey
    }

    /// Loads the pattern packs, the reference data and the profiles, and opens (creating if
    /// needed) the log named by the configuration.
    public static func make(configuration: ServeConfiguration, version: String,
                            logger: Logger = Logger(label: "redact.serve")) throws -> ServeServices {
        guard let logPath = configuration.logPath else {
            throw ServeConfiguration.Failure(description: "no log given: use --log PATH, \"log\" in the configuration, or REDACT_LOG")
        }
        var valueKey: [UInt8]? = nil
        if let keyFile = configuration.valueHMACKeyFile {
            guard let data = FileManager.default.contents(atPath: keyFile), data.count >= 16 else {
                throw ServeConfiguration.Failure(description: "value_hmac_key: cannot read the key file (or it is shorter than 16 bytes)")
            }
            valueKey = [UInt8](data)
        }
        let documents = try DocumentService(configuration: configuration, version: version)
        let store = try LogLocation.open(logPath, reference: documents.reference, redactor: documents.logRedactor)
        return ServeServices(configuration: configuration, store: store, documents: documents, logger: logger, version: version,
                             valueKey: valueKey)
    }
}

extension ServeServices {
    /// The pack source over this server's log, opened per request so each pack reads the log's
    /// head at that moment.
    func packSource() throws -> any PackDataSource {
        try PackSources.open(store: store)
    }
}
