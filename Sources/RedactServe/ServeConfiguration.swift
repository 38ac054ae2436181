import Foundation

/// The settings of `redact serve`: a JSON file (`--config FILE`), then the command line on top.
/// Every key is optional; docs/serve.md lists them with their defaults.
///
/// ```json
/// {
///   "host": "127.0.0.1", "port": 8080, "log": "/var/lib/redact/log.sqlite",
///   "max_body_bytes": 33554432, "default_style": "label", "default_profile": null,
///   "session_hours": 8, "secure_cookies": false, "tls": { "enabled": false }
/// }
/// ```
public struct ServeConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The log file (and its access table). Required: tokens live there.
    public var logPath: String? = nil
    /// The largest document body accepted by /v1/scan, /v1/redact and /v1/check (413 beyond).
    public var maxBodyBytes = 32 << 20
    /// The largest JSON or form body (breaches, sign-in).
    public var maxFormBytes = 256 << 10
    /// Redaction style when a request names none (`label`, `block`, `mask`).
    public var defaultStyle = "label"
    /// Sharing profile used when a request names neither `profile` nor `recipient` (nil: none).
    public var defaultProfile: String? = nil
    /// Extra pattern packs and profile folders (as `--patterns` / `--profiles`).
    public var patternDirectories: [String] = []
    public var profileDirectories: [String] = []
    /// Reference data folder (default as the CLI: $REDACT_REFERENCE, beside the binary, built in).
    public var referenceDirectory: String? = nil
    /// Key file for the HMAC of each redacted value kept in the log (as `apply --value-hmac-key`).
    public var valueHMACKeyFile: String? = nil
    /// Where request bodies are spooled while they are scanned (default: the system temp folder).
    public var workDirectory: String? = nil
    public var sessionHours = 8.0
    /// Mark the session cookie `Secure`: set it when a TLS proxy fronts the server.
    public var secureCookies = false
    /// TLS inside the server. Off by default; this build does not terminate TLS itself, so
    /// `enabled: true` is refused with a clear message (put a TLS proxy in front, and set
    /// `secure_cookies`).
    public var tlsEnabled = false

    public init() {}

    /// What went wrong reading a configuration file (no values from the file are quoted
    /// beyond key names).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static let keys: Set<String> = [
        "host", "port", "log", "max_body_bytes", "max_form_bytes", "default_style", "default_profile", "patterns",
        "profiles", "reference", "value_hmac_key", "work_dir", "session_hours", "secure_cookies", "tls",
    ]

    /// Reads a JSON configuration file. Unknown keys are refused (a typo must not silently fall
    /// back to a default limit).
    public static func load(path: String) throws -> ServeConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): cannot read the configuration file")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Failure(description: "\(path): not a JSON object (the configuration is JSON; see docs/serve.md)")
        }
        for key in object.keys.sorted() where !keys.contains(key) {
            throw Failure(description: "\(path): unknown key \(key) (valid: \(keys.sorted().joined(separator: ", ")))")
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch let DecodingError.typeMismatch(_, context) {
            throw Failure(description: "\(path): \(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type")
        } catch {
            throw Failure(description: "\(path): not a valid configuration (see docs/serve.md)")
        }
        var c = ServeConfiguration()
        if let v = file.host { c.host = v }
        if let v = file.port { c.port = v }
        c.logPath = file.log
        if let v = file.max_body_bytes { c.maxBodyBytes = v }
        if let v = file.max_form_bytes { c.maxFormBytes = v }
        if let v = file.default_style { c.defaultStyle = v }
        c.defaultProfile = file.default_profile
        if let v = file.patterns { c.patternDirectories = v }
        if let v = file.profiles { c.profileDirectories = v }
        c.referenceDirectory = file.reference
        c.valueHMACKeyFile = file.value_hmac_key
        c.workDirectory = file.work_dir
        if let v = file.session_hours { c.sessionHours = v }
        if let v = file.secure_cookies { c.secureCookies = v }
        if let v = file.tls?.enabled { c.tlsEnabled = v }
        try c.validate()
        return c
    }

    // swiftlint:disable identifier_name
    struct File: Decodable {
        struct TLS: Decodable { var enabled: Bool? }
        var host: String?
        var port: Int?
        var log: String?
        var max_body_bytes: Int?
        var max_form_bytes: Int?
        var default_style: String?
        var default_profile: String?
        var patterns: [String]?
        var profiles: [String]?
        var reference: String?
        var value_hmac_key: String?
        var work_dir: String?
        var session_hours: Double?
        var secure_cookies: Bool?
        var tls: TLS?
    }

    /// Checks the limits and choices; the server refuses to start on any problem.
    public func validate() throws {
        guard (0...65535).contains(port) else { throw Failure(description: "port must be 0 to 65535") }
        guard maxBodyBytes >= 1 else { throw Failure(description: "max_body_bytes must be at least 1") }
        guard maxFormBytes >= 1024 else { throw Failure(description: "max_form_bytes must be at least 1024") }
        guard ["label", "block", "mask"].contains(defaultStyle) else {
            throw Failure(description: "default_style must be label, block or mask (pseudonyms need a key and are CLI-only)")
        }
        guard sessionHours > 0 && sessionHours <= 24 * 7 else { throw Failure(description: "session_hours must be above 0 and at most 168") }
        if tlsEnabled {
            throw Failure(description: "tls.enabled: this build does not terminate TLS; run it behind a TLS proxy and set secure_cookies")
        }
    }
}
