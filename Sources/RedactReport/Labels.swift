import Foundation
import RedactLog

/// Words for codes, for people reading a pack. The JSON keeps the codes; the other formats show
/// these labels (and the codes where a reader may need to look one up).
public struct Labels: Sendable {
    public let reference: Reference

    public init(reference: Reference) {
        self.reference = reference
    }

    /// The taxonomy's names for category ids (shared/taxonomy.md); unknown ids are shown as-is.
    static let categories: [String: String] = [
        "nino": "National Insurance number", "nhs_number": "NHS number", "pnc_id": "PNC ID",
        "cro_number": "CRO number", "prison_number": "Prison number", "crn": "Probation case reference",
        "passport_number": "Passport number", "driving_licence": "Driving licence number",
        "vehicle_registration": "Vehicle registration", "sort_code": "Sort code", "bank_account": "Bank account number",
        "payment_card": "Payment card number", "iban": "IBAN", "phone_number": "Phone number",
        "email_address": "Email address", "postcode": "Postcode", "ip_address": "IP address",
        "date_of_birth": "Date of birth", "person_name": "Person's name", "address": "Street address",
        "special_category": "Special category data",
    ]

    static let styles: [String: String] = [
        "label": "Label ([NHS NUMBER])", "block": "Block (█████)", "mask": "Mask (XXX XXX)",
        "pseudonym": "Pseudonym ([PERSON-KDWQ])", "keep": "Kept, not redacted",
    ]

    static let stages: [String: String] = [
        BreachStage.incomingFailureToRedact.rawValue: "Incoming failure to redact",
        BreachStage.nearMiss.rawValue: "Near miss",
        BreachStage.breach.rawValue: "Breach",
    ]

    public func category(_ id: String) -> String { Self.categories[id] ?? id }
    public func style(_ id: String) -> String { Self.styles[id] ?? id }
    public func stage(_ id: String) -> String { Self.stages[id] ?? id }
    public func justification(_ code: String) -> String { label(code, .justifications) }
    public func recipient(_ code: String) -> String { label(code, .recipients) }
    public func breachType(_ code: String) -> String { label(code, .breachTypes) }
    public func source(_ code: String) -> String { code == "unknown" ? "Not recorded" : label(code, .sources) }
    public func area(_ code: String) -> String { label(code, .areas) }

    public func severity(_ code: String) -> String {
        code == Figures.unassessed ? "Not yet assessed" : label(code, .severities)
    }

    /// The label of a group of areas (`cps-area` → `CPS Areas`).
    public func group(_ code: String) -> String {
        switch code {
        case "cps-area": "CPS Areas"
        case "cps-direct": "CPS Direct"
        case "hmpps-prison-group": "HMPPS prison groups"
        case "hmpps-probation-region": "Probation Service regions"
        case "unlisted": "Areas not in the reference data"
        default: code
        }
    }

    func label(_ code: String, _ kind: Reference.Kind) -> String {
        reference.entry(code, in: kind)?.label ?? code
    }
}
