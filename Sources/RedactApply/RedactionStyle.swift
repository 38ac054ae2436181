import Crypto
import RedactCore

/// How a finding's bytes are replaced.
public enum RedactionStyle: String, Sendable, Codable, CaseIterable {
    /// `[NHS NUMBER]`: the category, in words.
    case label
    /// `█` per character.
    case block
    /// `X` per letter or digit, separators kept (`XXX XXX XXXX`).
    case mask
    /// A keyed pseudonym, the same for the same value within a case (`[PERSON-KDWQTM]`).
    case pseudonym
}

/// Produces replacement bytes. Pure, apart from the HMAC key it holds.
public struct Replacer: Sendable {
    public let style: RedactionStyle
    /// Raw key bytes; a `SymmetricKey` is made per use (it is not Sendable).
    let key: [UInt8]?
    let caseReference: String

    /// - Parameters:
    ///   - key: required for `.pseudonym` (HMAC-SHA256 key bytes from `--key-file`).
    ///   - caseReference: scopes pseudonyms: the same value gets the same pseudonym within a case only.
    public init(style: RedactionStyle, key: [UInt8]? = nil, caseReference: String = "") {
        self.style = style
        self.key = key
        self.caseReference = caseReference
    }

    /// Label words per category; the taxonomy id in upper case otherwise.
    static func label(_ c: Category) -> String {
        switch c {
        case .nino: return "NI NUMBER"
        case .pncID: return "PNC ID"
        case .croNumber: return "CRO NUMBER"
        case .ipAddress: return "IP ADDRESS"
        case .crn: return "CRN"
        case .iban: return "IBAN"
        default: return c.rawValue.uppercased().replacingUnderscores(with: " ")
        }
    }

    static func pseudonymPrefix(_ c: Category) -> String {
        switch c {
        case .personName: return "PERSON"
        case .address: return "ADDRESS"
        case .phoneNumber: return "PHONE"
        case .emailAddress: return "EMAIL"
        default: return c.rawValue.uppercased().replacingUnderscores(with: "-")
        }
    }

    /// Letters only, no vowels: a pseudonym must not itself look like an identifier or a word.
    static let pseudonymAlphabet = Array("BCDFGHJKLMNPQRSTVWXZ".utf8)

    /// Appends the replacement for `value` (the finding's bytes) to `out`.
    /// - Parameter canonical: the value to key the pseudonym on (a party's full name for every
    ///   mention of that party), or nil to use the normalised bytes.
    public func replacement(category: Category, value: UnsafeBufferPointer<UInt8>, canonical: [UInt8]?, into out: inout [UInt8]) {
        switch style {
        case .label:
            out.append(UInt8(ascii: "["))
            out.append(contentsOf: Self.label(category).utf8)
            out.append(UInt8(ascii: "]"))
        case .block:
            forEachCharacter(value) { _, _ in out.append(contentsOf: [0xE2, 0x96, 0x88]) }
        case .mask:
            forEachCharacter(value) { bytes, isWord in
                if isWord { out.append(UInt8(ascii: "X")) } else { out.append(contentsOf: bytes) }
            }
        case .pseudonym:
            var material = Array(caseReference.utf8) + [0] + Array(category.rawValue.utf8) + [0]
            material += canonical ?? Self.normalise(value)
            let mac = HMAC<SHA256>.authenticationCode(for: material, using: SymmetricKey(data: key ?? []))
            out.append(UInt8(ascii: "["))
            out.append(contentsOf: Self.pseudonymPrefix(category).utf8)
            out.append(UInt8(ascii: "-"))
            for byte in Array(mac).prefix(6) { out.append(Self.pseudonymAlphabet[Int(byte) % Self.pseudonymAlphabet.count]) }
            out.append(UInt8(ascii: "]"))
        }
    }

    /// Upper-case ASCII letters and digits only, so `ab 12 34 56 c` and `AB123456C` agree.
    static func normalise(_ v: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for b in v {
            if (b &- 0x30) < 10 || (b &- 0x41) < 26 { out.append(b) } else if (b &- 0x61) < 26 { out.append(b - 0x20) } else if b >= 0x80 { out.append(b) }
        }
        return out
    }

    /// Visits each character (UTF-8 code point; a stray byte counts as one) with whether it is
    /// a letter or digit (any non-ASCII code point counts as a letter).
    private func forEachCharacter(_ v: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var i = 0
        while i < v.count {
            let b = v[i]
            var n = 1
            if b >= 0xC0 {
                let want = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                while n < want && i + n < v.count && v[i + n] & 0xC0 == 0x80 { n += 1 }
            }
            let isWord = b >= 0x80 || (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
            body(UnsafeBufferPointer(rebasing: v[i..<(i + n)]), isWord)
            i += n
        }
    }
}

extension String {
    func replacingUnderscores(with s: String) -> String { split(separator: "_").joined(separator: s) }
}
