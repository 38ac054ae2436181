/// A personal-data category id from `shared/taxonomy.md`.
///
/// The ids are stable: tests, the log, reports and the scorer all use them. The set is open
/// (a pack may add a category), so this is a string-backed struct rather than an enum; the
/// taxonomy's ids are provided as constants.
public struct Category: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: Category, b: Category) -> Bool { a.rawValue < b.rawValue }

    public static let nino = Category("nino")
    public static let nhsNumber = Category("nhs_number")
    public static let pncID = Category("pnc_id")
    public static let croNumber = Category("cro_number")
    public static let prisonNumber = Category("prison_number")
    public static let crn = Category("crn")
    public static let passportNumber = Category("passport_number")
    public static let drivingLicence = Category("driving_licence")
    public static let vehicleRegistration = Category("vehicle_registration")
    public static let sortCode = Category("sort_code")
    public static let bankAccount = Category("bank_account")
    public static let paymentCard = Category("payment_card")
    public static let iban = Category("iban")
    public static let phoneNumber = Category("phone_number")
    public static let emailAddress = Category("email_address")
    public static let postcode = Category("postcode")
    public static let ipAddress = Category("ip_address")
    public static let dateOfBirth = Category("date_of_birth")
    public static let personName = Category("person_name")
    public static let address = Category("address")
    public static let specialCategory = Category("special_category")

    /// Every category in the taxonomy, in the taxonomy's order.
    public static let taxonomy: [Category] = [
        .nino, .nhsNumber, .pncID, .croNumber, .prisonNumber, .crn, .passportNumber, .drivingLicence,
        .vehicleRegistration, .sortCode, .bankAccount, .paymentCard, .iban, .phoneNumber, .emailAddress,
        .postcode, .ipAddress, .dateOfBirth, .personName, .address, .specialCategory,
    ]

    /// Offence-related information (offence descriptions, previous convictions, cautions, PNC
    /// print-out headings): found only by the offence-information pack (`patterns/offence`),
    /// which sharing profiles for local authorities and third parties run (ROA 1974).
    public static let offenceInformation = Category("offence_information")

    /// Categories beyond the taxonomy that packs may use (`shared/taxonomy.md`: adding a category
    /// is fine). Kept apart so `taxonomy` stays exactly the shared contract.
    public static let extensions: [Category] = [.offenceInformation]

    /// Every category a pack may name: the taxonomy, then the extensions.
    public static let known: [Category] = taxonomy + extensions

    /// Structured identifiers (pattern + validator), as opposed to free-text categories.
    public var isStructured: Bool { ![.personName, .address, .specialCategory, .offenceInformation].contains(self) }
}
