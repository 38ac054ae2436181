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

    /// The server core's rules (`Principal`): only operators redact (the disclosure is theirs,
    /// logged to their area); an area's pack is for its managers and national users; operators
    /// and area managers keep their own area's breach register, national users every area's.
    public var mayReview: Bool { role == .operator }
    public func mayReadPack(of code: String) -> Bool { role == .national || (role == .areaManager && area == code) }
    public var mayReadPacks: Bool { role != .operator }
    public func mayUseRegister(of code: String) -> Bool { role == .national || area == code }
}
