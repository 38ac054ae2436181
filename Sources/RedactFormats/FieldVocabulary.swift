import RedactCore
import RedactScan

/// Field names (CSV headers, JSON keys) whose whole value is personal data of one category:
/// every non-blank cell of a `Name` column is a person's name, whatever it looks like.
/// Other names that the scanner's header table knows (`Account`, `Sort code`, `VRM`) are context
/// only: the value is still scanned, and must still match the category's pattern and validator.
public enum FieldVocabulary {
    static let whole: [String: Category] = {
        var w: [String: Category] = [:]
        for n in ["name", "full name", "fullname", "surname", "forename", "forenames", "first name", "firstname",
                  "last name", "lastname", "given name", "given names", "family name", "middle name", "middle names",
                  "person name", "maiden name", "alias", "aliases", "aka", "other names", "known as", "victim name", "witness name", "defendant name",
                  "suspect name", "offender name"] {
            w[n] = .personName
        }
        for n in ["address", "home address", "street address", "address line 1", "address line 2", "address line 3",
                  "address 1", "address 2", "addr", "residential address", "postal address", "street"] {
            w[n] = .address
        }
        for n in ["email", "e mail", "email address", "e mail address", "emailaddress"] { w[n] = .emailAddress }
        for n in ["phone", "telephone", "tel", "mobile", "phone number", "telephone number", "mobile number",
                  "tel no", "phone no", "contact number", "landline"] {
            w[n] = .phoneNumber
        }
        for n in ["dob", "d.o.b", "d.o.b.", "date of birth", "dateofbirth", "birth date", "birthdate"] { w[n] = .dateOfBirth }
        for n in ["ni number", "nino", "national insurance number", "ni no", "national insurance no"] { w[n] = .nino }
        for n in ["postcode", "post code", "postal code"] { w[n] = .postcode }
        return w
    }()

    /// The category a field named `label` holds whole, or nil.
    public static func wholeValue(forLabel label: String) -> Category? {
        whole[ColumnContext.normalise(label)]
    }

    /// The context for a field named `label` (nil label: no context). `kind` prefixes the rule
    /// id of whole-value findings (`column`, `key`).
    public static func context(label: String?, kind: String) -> FieldContext? {
        guard let label else { return nil }
        return FieldContext(label: label, wholeValue: wholeValue(forLabel: label), kind: kind)
    }
}
