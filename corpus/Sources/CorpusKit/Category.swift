/// The taxonomy's category ids, spelled out here on purpose.
///
/// CorpusKit imports nothing from the scanner (not even RedactCore), so that the corpus and the
/// scanner agree only through `shared/taxonomy.md`, never through shared code.
public enum PlantCategory: String, CaseIterable, Sendable, Comparable {
    case nino, nhs_number, pnc_id, cro_number, prison_number, crn, passport_number
    case driving_licence, vehicle_registration, sort_code, bank_account, payment_card, iban
    case phone_number, email_address, postcode, ip_address, date_of_birth
    case person_name, address, special_category

    public static func < (a: PlantCategory, b: PlantCategory) -> Bool {
        PlantCategory.allCases.firstIndex(of: a)! < PlantCategory.allCases.firstIndex(of: b)!
    }
}
