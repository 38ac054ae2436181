/// A check run on the bytes of a candidate match: a check digit, a structure rule, a range.
///
/// Validators see exactly the bytes PCRE2 matched (after any `\K`), in the forms people type:
/// any letter case, spaces or hyphens between groups. Each one normalises first (drops the
/// separators its identifier allows, uppercases ASCII letters) into a fixed buffer on the
/// stack, then checks: no allocation per call, so the engine may call one per candidate.
public struct Validator: Sendable {
    /// The name a rule uses in `validator = NAME`.
    public let name: String
    /// The check itself.
    public let check: @Sendable (UnsafeBufferPointer<UInt8>) -> Bool

    public init(_ name: String, _ check: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Bool) {
        self.name = name
        self.check = check
    }

    /// Runs the check on matched bytes.
    @inline(__always)
    public func callAsFunction(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { check(bytes) }

    /// Runs the check on a slice of an input buffer.
    public func callAsFunction(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.withUnsafeBufferPointer(check) }

    /// Runs the check on the UTF-8 bytes of a string (tools and tests).
    public func callAsFunction(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8(check)
    }
}

/// The registry of validators a pack may name.
public enum Validators {
    /// Every validator, by name.
    public static let all: [String: Validator] = {
        let list: [Validator] = [
            Validator("nhs_mod11", HealthNumbers.nhs),
            Validator("chi", HealthNumbers.chi),
            Validator("hc", HealthNumbers.hc),
            Validator("nino", NINOCheck.standard),
            Validator("nino_temporary", NINOCheck.temporary),
            Validator("nino_admin", NINOCheck.administrative),
            Validator("pnc", PoliceNumbers.pnc),
            Validator("cro", PoliceNumbers.cro),
            Validator("dvla", DrivingLicenceCheck.dvla),
            Validator("luhn", BankingCheck.luhn),
            Validator("iban", BankingCheck.iban),
            Validator("sort_code", BankingCheck.sortCode),
            Validator("postcode", PostcodeCheck.postcode),
            Validator("uk_phone", PhoneCheck.ukPhone),
            Validator("ipv4", NetworkCheck.ipv4),
            Validator("ipv6", NetworkCheck.ipv6),
            Validator("email", NetworkCheck.email),
            Validator("date_dob", DateCheck.dateOfBirth),
            Validator("vehicle_current", VehicleCheck.current),
        ]
        return Swift.Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()

    /// The validator called `name`, or nil.
    public static func named(_ name: String) -> Validator? { all[name] }

    /// Every validator name, sorted (for `patterns check` and documentation).
    public static var names: [String] { all.keys.sorted() }
}
