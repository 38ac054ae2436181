/// Who is asking, once a token or a session cookie has been checked. Never holds the token.
///
/// The rules (docs/serve.md, "Roles"):
/// - every role may scan and check;
/// - only operators redact (the disclosure is logged with their token name as operator id and
///   their token's area);
/// - area data (packs, breaches) belongs to an area: `area-manager` sees its own area's packs,
///   `operator` and `area-manager` record breaches in their own area, `national` does all of it
///   for every area. Anything else is 403.
public struct Principal: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable, Codable {
        case `operator` = "operator"
        case areaManager = "area-manager"
        case national = "national"
    }

    /// How the request proved who it is.
    public enum Via: String, Sendable {
        case bearerToken = "token"
        case session = "session"
    }

    /// The token's id (`tok_…`): safe to log.
    public var tokenID: String
    /// The token's label: the operator id written to the log.
    public var name: String
    public var role: Role
    /// The token's area (nil for national).
    public var area: String?
    public var via: Via

    public init(tokenID: String, name: String, role: Role, area: String?, via: Via) {
        self.tokenID = tokenID
        self.name = name
        self.role = role
        self.area = area
        self.via = via
    }

    /// Whether this principal may read `area`'s pack.
    public func mayReadPack(of area: String) -> Bool {
        switch role {
        case .national: true
        case .areaManager: self.area == area
        case .operator: false
        }
    }

    /// Whether this principal may record or update breaches in `area`.
    public func mayRecordBreach(in area: String) -> Bool {
        role == .national || self.area == area
    }

    /// Whether this principal may produce redacted copies (and so disclosures).
    public var mayRedact: Bool { role == .operator }
}
