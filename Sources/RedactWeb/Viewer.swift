/// Who is looking at a page, as the pages need it: never a token, never personal data beyond
/// the name the token was created with (`redact token create --name`).
public struct Viewer: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case `operator`, areaManager = "area-manager", national
    }
    public var name: String
    public var role: Role
    /// The area of an operator or area manager; nil for national users.
    public var area: String?

    public init(name: String, role: Role, area: String?) {
        self.name = name
        self.role = role
        self.area = area
    }

    /// Whether this viewer may see or act on `area`'s data (national users: every area).
    public func mayAccess(area code: String) -> Bool { role == .national || area == code }
    public var mayReview: Bool { role == .operator || role == .areaManager || role == .national }
}
