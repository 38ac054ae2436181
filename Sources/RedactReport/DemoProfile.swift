import Foundation
import RedactLog

/// The shape of the demo activity: what kinds of organisation share what documents with whom,
/// which police forces send each CPS Area its files, and what gets redacted in each document.
///
/// Everything here is invented for the demo but shaped by the domain notes: CPS Areas share
/// mostly with the defence and the court and receive files from their local forces; prisons and
/// probation share with each other, the Parole Board and local authorities. Nothing names a
/// real person or case: case references are `DEMO-…`, operators `op-…`, documents are form
/// names.
enum DemoProfile {
    enum Kind { case cps, prison, probation }

    static func kind(ofGroup group: String?) -> Kind {
        switch group {
        case "hmpps-prison-group": .prison
        case "hmpps-probation-region": .probation
        default: .cps
        }
    }

    /// Relative monthly volume of each CPS Area (London and the North West largest).
    static let cpsSize: [String: Double] = [
        "cps-cymru-wales": 1.0, "cps-east-midlands": 1.2, "cps-east-of-england": 1.2, "cps-london-north": 1.9,
        "cps-london-south": 1.7, "cps-mersey-cheshire": 1.0, "cps-north-east": 0.9, "cps-north-west": 1.6,
        "cps-south-east": 1.2, "cps-south-west": 1.0, "cps-thames-and-chiltern": 1.1, "cps-wessex": 0.8,
        "cps-west-midlands": 1.5, "cps-yorkshire-and-humberside": 1.5, "cps-direct": 0.5,
    ]

    /// The forces that send each CPS Area its case files.
    static let forces: [String: [String]] = [
        "cps-cymru-wales": ["dyfed-powys-police", "gwent-police", "north-wales-police", "south-wales-police"],
        "cps-east-midlands": ["derbyshire-police", "leicestershire-police", "lincolnshire-police", "northamptonshire-police", "nottinghamshire-police"],
        "cps-east-of-england": ["cambridgeshire-police", "essex-police", "norfolk-police", "suffolk-police"],
        "cps-london-north": ["metropolitan-police", "city-of-london-police", "british-transport-police"],
        "cps-london-south": ["metropolitan-police", "british-transport-police"],
        "cps-mersey-cheshire": ["merseyside-police", "cheshire-police"],
        "cps-north-east": ["cleveland-police", "durham-police", "northumbria-police"],
        "cps-north-west": ["cumbria-police", "greater-manchester-police", "lancashire-police"],
        "cps-south-east": ["kent-police", "surrey-police", "sussex-police"],
        "cps-south-west": ["avon-and-somerset-police", "devon-and-cornwall-police", "gloucestershire-police"],
        "cps-thames-and-chiltern": ["thames-valley-police", "hertfordshire-police", "bedfordshire-police"],
        "cps-wessex": ["hampshire-police", "dorset-police", "wiltshire-police"],
        "cps-west-midlands": ["west-midlands-police", "staffordshire-police", "warwickshire-police", "west-mercia-police"],
        "cps-yorkshire-and-humberside": ["humberside-police", "north-yorkshire-police", "south-yorkshire-police", "west-yorkshire-police"],
    ]

    /// How much of an Area's material each force sends (relative; 1 if not listed).
    static let forceShare: [String: Double] = [
        "metropolitan-police": 8, "british-transport-police": 0.6, "city-of-london-police": 0.3,
        "greater-manchester-police": 3, "west-midlands-police": 3, "west-yorkshire-police": 2.5, "thames-valley-police": 2.5,
        "merseyside-police": 1.6, "south-wales-police": 1.6, "kent-police": 1.5, "hampshire-police": 1.5, "essex-police": 1.4,
        "northumbria-police": 1.4, "avon-and-somerset-police": 1.4, "devon-and-cornwall-police": 1.3, "lancashire-police": 1.3,
        "south-yorkshire-police": 1.3, "sussex-police": 1.2,
    ]

    static func units(_ kind: Kind) -> [String] {
        switch kind {
        case .cps: ["magistrates-1", "magistrates-2", "crown-court-1", "crown-court-2", "rasso", "complex-casework"]
        case .prison: ["omu-north", "omu-south", "security", "healthcare-liaison"]
        case .probation: ["pdu-1", "pdu-2", "pdu-3", "court-team", "approved-premises"]
        }
    }

    static func recipients(_ kind: Kind) -> [(String, Double)] {
        switch kind {
        case .cps:
            [("defence", 50), ("court", 30), ("police", 8), ("victim", 4), ("witness", 3), ("probation-provider", 3), ("other", 2)]
        case .prison:
            [("probation-provider", 30), ("parole-board", 20), ("police", 15), ("local-authority", 12), ("health-body", 10),
             ("court", 8), ("other-government-department", 5)]
        case .probation:
            [("court", 35), ("police", 15), ("local-authority", 15), ("parole-board", 10), ("prison", 10), ("youth-justice", 5),
             ("charity", 5), ("health-body", 5)]
        }
    }

    /// A document type: its form name, how many spans it usually has, and what they are.
    struct Document {
        var name: String
        var meanRedactions: Double
        var categories: [(String, Double)]
    }

    static let people: [(String, Double)] = [
        ("person_name", 40), ("address", 12), ("postcode", 10), ("phone_number", 10), ("date_of_birth", 8),
        ("email_address", 5), ("vehicle_registration", 3),
    ]

    static func documents(_ kind: Kind) -> [(Document, Double)] {
        switch kind {
        case .cps:
            [
                (Document(name: "MG11-witness-statement.pdf", meanRedactions: 11, categories: people + [("special_category", 2)]), 30),
                (Document(name: "MG5-case-summary.docx", meanRedactions: 9, categories: people + [("pnc_id", 3)]), 18),
                (Document(name: "MG6C-unused-material-schedule.xlsx", meanRedactions: 6, categories: people), 10),
                (Document(name: "previous-convictions.pdf", meanRedactions: 5, categories: [("pnc_id", 30), ("cro_number", 20), ("person_name", 30), ("date_of_birth", 20)]), 8),
                (Document(name: "medical-notes.pdf", meanRedactions: 16, categories: [("nhs_number", 20), ("special_category", 25)] + people), 6),
                (Document(name: "custody-record.pdf", meanRedactions: 13, categories: [("pnc_id", 10), ("special_category", 6)] + people), 10),
                (Document(name: "phone-download-report.xlsx", meanRedactions: 22, categories: [("phone_number", 45), ("person_name", 25), ("email_address", 15), ("ip_address", 5)]), 6),
                (Document(name: "bank-statements.pdf", meanRedactions: 14, categories: [("bank_account", 30), ("sort_code", 25), ("payment_card", 10), ("iban", 3)] + people), 4),
                (Document(name: "CCTV-viewing-log.docx", meanRedactions: 5, categories: [("vehicle_registration", 30)] + people), 8),
            ]
        case .prison:
            [
                (Document(name: "OASys-extract.pdf", meanRedactions: 12, categories: [("prison_number", 15), ("crn", 10), ("special_category", 8)] + people), 30),
                (Document(name: "parole-dossier.pdf", meanRedactions: 24, categories: [("prison_number", 10), ("special_category", 12), ("nhs_number", 4)] + people), 20),
                (Document(name: "security-intelligence-summary.docx", meanRedactions: 9, categories: [("prison_number", 20), ("phone_number", 10)] + people), 15),
                (Document(name: "healthcare-referral.pdf", meanRedactions: 10, categories: [("nhs_number", 25), ("special_category", 25)] + people), 15),
                (Document(name: "release-plan.docx", meanRedactions: 8, categories: [("crn", 10), ("nino", 8)] + people), 20),
            ]
        case .probation:
            [
                (Document(name: "pre-sentence-report.docx", meanRedactions: 10, categories: [("crn", 12), ("special_category", 10)] + people), 35),
                (Document(name: "risk-management-plan.pdf", meanRedactions: 9, categories: [("crn", 10)] + people), 25),
                (Document(name: "MAPPA-minutes.docx", meanRedactions: 18, categories: [("crn", 8), ("pnc_id", 6), ("special_category", 6)] + people), 15),
                (Document(name: "accommodation-referral.pdf", meanRedactions: 7, categories: [("nino", 10), ("crn", 10)] + people), 15),
                (Document(name: "safeguarding-enquiry.docx", meanRedactions: 8, categories: [("date_of_birth", 10)] + people), 10),
            ]
        }
    }

    /// How a span is redacted.
    static let styles: [(String, Double)] = [("label", 58), ("block", 18), ("mask", 9), ("pseudonym", 11)]

    /// Why a span is kept (a decision not to redact, with a reason).
    static let keepReasons: [(String, Double)] = [
        ("disproportionate-to-redact", 40), ("required-for-case", 35), ("already-known-to-recipient", 20), ("consent", 5),
    ]

    /// A justification other than the category default, sometimes.
    static func overrideJustification(_ category: String) -> [(String, Double)] {
        switch category {
        case "address", "phone_number", "postcode", "email_address": [("victim-witness-contact", 45), ("safeguarding", 10), ("not-relevant", 10)]
        case "pnc_id", "cro_number": [("spent-conviction", 30), ("not-relevant", 20)]
        case "person_name": [("victim-witness-contact", 30), ("privacy", 30), ("not-relevant", 15)]
        default: [("not-relevant", 30), ("privacy", 30)]
        }
    }

    static func rule(_ category: String, _ rng: inout DemoRandom) -> String {
        switch category {
        case "person_name": rng.chance(0.7) ? "person_name.party" : "person_name.titled"
        case "phone_number": rng.chance(0.6) ? "phone_number.mobile" : "phone_number.landline"
        case "nhs_number": rng.chance(0.7) ? "nhs_number.spaced" : "nhs_number.plain"
        case "pnc_id": rng.chance(0.5) ? "pnc_id.full" : "pnc_id.short"
        default: "\(category).default"
        }
    }

    static let breachTypes: [(String, Double)] = [
        ("wrong-recipient-email", 28), ("failure-to-redact", 26), ("wrong-material-disclosed", 15), ("wrong-recipient-post", 9),
        ("verbal-disclosure", 5), ("loss-or-theft-of-paperwork", 5), ("failure-to-use-bcc", 4), ("lost-device", 3),
        ("insecure-location", 3), ("unauthorised-access", 2),
    ]

    static let nearMissTypes: [(String, Double)] = [
        ("failure-to-redact", 60), ("wrong-recipient-email", 20), ("wrong-material-disclosed", 15), ("failure-to-use-bcc", 5),
    ]

    static let severities: [(String, Double)] = [("very-minor", 62), ("retained-within-cjs", 26), ("severe", 12)]

    static let breachCategories: [(String, Double)] = [
        ("victim-witness-details", 30), ("previous-convictions", 15), ("health-data", 12), ("address", 15),
        ("phone_number", 8), ("date_of_birth", 8), ("criminal-offence-data", 8), ("images", 4),
    ]

    /// Sources of incoming material for HMPPS units (CPS Areas use their forces).
    static let hmppsSources: [(String, Double)] = [("hmpps", 40), ("local-authority", 25), ("other-prosecutor", 10), ("other", 25)]

    /// Synthetic prose for breach records: no names, no values, only what kind of thing happened.
    static func facts(_ type: String) -> String {
        switch type {
        case "wrong-recipient-email": "Served material was emailed to the wrong secure mailbox; the recipient confirmed deletion."
        case "failure-to-redact": "A witness's contact details were left unredacted in material served on the defence."
        case "wrong-material-disclosed": "Previous convictions of another person were attached to the served bundle."
        case "wrong-recipient-post": "A letter was posted to a previous address held on file."
        case "verbal-disclosure": "Details of a witness were mentioned in a call with a third party."
        case "loss-or-theft-of-paperwork": "A paper file was left on public transport and not recovered."
        case "failure-to-use-bcc": "A group email exposed recipients' addresses to each other."
        case "lost-device": "An encrypted laptop was reported lost."
        case "insecure-location": "Case papers were left in an unlocked meeting room."
        default: "Access to a case record by a member of staff without a business need."
        }
    }

    static let remedial = "Recall requested and confirmed; staff member given refresher training; process checklist updated."
    static let effectsText = "Low likelihood of harm assessed; data subjects' circumstances reviewed by the case team."
}
