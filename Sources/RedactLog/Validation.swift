import Foundation

/// Field rules shared by every entry kind. One place, so the limits are the same for disclosure
/// events, breach versions and imports, and a PostgreSQL store gets them for free.
///
/// Why limits at all: the log is evidence that must stay small and queryable; a multi-megabyte
/// "case reference" is either a bug or someone pasting a document into the wrong field, and a
/// document pasted into the log is exactly the personal-data store the log must never become.
enum Validation {
    /// Reference codes and units: lower case ASCII letters, digits, hyphens.
    static let codeMax = 64
    /// Case URNs and similar references: letters, digits, `/`, `-`, `.`.
    static let caseRefMax = 32
    /// Operator and checker ids: letters, digits, `.`, `_`, `-`, `@`.
    static let operatorMax = 64
    /// Rule ids: `nhs_number.spaced` and the like.
    static let ruleMax = 128
    /// Pack and tool versions.
    static let versionMax = 64
    /// A document's file name (after redaction of any personal data in it).
    static let documentNameMax = 255
    /// One free-text breach field (after redaction).
    static let freeTextMax = 4000
    /// Counts of people, records and findings.
    static let countMax = 100_000_000
    /// Redaction rows in one event.
    static let redactionsMax = 1_000_000
    /// Byte offsets (1 TiB).
    static let offsetMax = 1 << 40

    static func isCode(_ s: String, maxLength: Int = codeMax) -> Bool {
        let u = s.utf8
        guard !u.isEmpty, u.count <= maxLength else { return false }
        guard let f = u.first, (f >= 0x61 && f <= 0x7A) || (f >= 0x30 && f <= 0x39) else { return false }
        return u.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Category ids follow the taxonomy (`nhs_number`): lower case, digits, `_`, `-`, `.`.
    static func isCategory(_ s: String) -> Bool {
        let u = s.utf8
        guard !u.isEmpty, u.count <= codeMax, let f = u.first, f >= 0x61 && f <= 0x7A else { return false }
        return u.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }
    }

    static func isHex(_ s: String, length: Int) -> Bool {
        s.utf8.count == length && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    static func isUUID(_ s: String) -> Bool {
        guard let u = UUID(uuidString: s) else { return false }
        return u.uuidString.lowercased() == s
    }

    static func code(_ s: String, field: String) throws -> String {
        guard isCode(s) else {
            throw LogError(.invalidInput, "\(field): expected a code of lower-case letters, digits and hyphens, at most \(codeMax) characters")
        }
        return s
    }

    /// A set of ASCII bytes as a 128-bit mask: checking a rule id per redaction row must be cheap.
    struct ByteSet {
        var lo: UInt64 = 0, hi: UInt64 = 0
        init(alphanumericPlus extra: String) {
            self.extra = extra
            for b in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\(extra)".utf8 { insert(b) }
        }
        let extra: String
        mutating func insert(_ b: UInt8) { if b < 64 { lo |= 1 << UInt64(b) } else if b < 128 { hi |= 1 << UInt64(b - 64) } }
        func contains(_ b: UInt8) -> Bool { b < 64 ? lo & (1 << UInt64(b)) != 0 : b < 128 && hi & (1 << UInt64(b - 64)) != 0 }
    }

    static let caseRefBytes = ByteSet(alphanumericPlus: "/-.")
    static let operatorBytes = ByteSet(alphanumericPlus: "._-@")
    static let ruleBytes = ByteSet(alphanumericPlus: "._-:/")
    static let versionBytes = ByteSet(alphanumericPlus: "._-+")

    static func token(_ s: String, field: String, max: Int, allowed: ByteSet) throws -> String {
        let u = s.utf8
        guard !u.isEmpty, u.count <= max, u.allSatisfy(allowed.contains) else {
            throw LogError(.invalidInput, "\(field): expected 1 to \(max) letters, digits or any of \"\(allowed.extra)\"")
        }
        return s
    }

    static func caseReference(_ s: String) throws -> String {
        try token(s, field: "case reference", max: caseRefMax, allowed: caseRefBytes)
    }

    static func operatorID(_ s: String, field: String = "operator") throws -> String {
        try token(s, field: field, max: operatorMax, allowed: operatorBytes)
    }

    static func rule(_ s: String) throws -> String {
        try token(s, field: "rule id", max: ruleMax, allowed: ruleBytes)
    }

    static func version(_ s: String, field: String) throws -> String {
        try token(s, field: field, max: versionMax, allowed: versionBytes)
    }

    static func category(_ s: String) throws -> String {
        guard isCategory(s) else {
            throw LogError(.invalidInput, "category: expected a taxonomy id such as nhs_number")
        }
        return s
    }

    static func sha256Hex(_ s: String, field: String) throws -> String {
        guard isHex(s, length: 64) else {
            throw LogError(.invalidInput, "\(field): expected 64 lower-case hex digits (SHA-256)")
        }
        return s
    }

    static func count(_ n: Int, field: String) throws -> Int {
        guard n >= 0 else { throw LogError(.invalidInput, "\(field): must not be negative") }
        guard n <= countMax else { throw LogError(.invalidInput, "\(field): larger than \(countMax)") }
        return n
    }

    /// A time that may not be in the future (beyond clock skew) nor before 1970.
    static func pastTime(_ d: Date, field: String, now: Date) throws -> Date {
        guard d >= LogTime.earliest else { throw LogError(.invalidInput, "\(field): before 1970") }
        guard d.timeIntervalSince(now) <= LogTime.futureTolerance else {
            throw LogError(.invalidInput, "\(field): in the future")
        }
        return d
    }

    /// Free text after redaction: length and no control characters other than newline and tab.
    static func freeText(_ s: String, field: String, max: Int = freeTextMax) throws -> String {
        guard s.count <= max else { throw LogError(.invalidInput, "\(field): longer than \(max) characters") }
        guard !s.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F }) else {
            throw LogError(.invalidInput, "\(field): contains control characters")
        }
        return s
    }
}
