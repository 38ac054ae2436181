import Crypto
import Foundation

/// Keyed hashes of redacted values, for tracing a later leak back to a disclosure.
///
/// The log stores only the HMAC, and never holds the key: whoever investigates a leak brings the
/// key file, computes the HMAC of the leaked value and looks for it in `redaction.value_hmac`.
/// Without the key the HMAC reveals nothing, not even to a dictionary attack on NHS numbers or
/// postcodes (which a plain hash would not survive: the space of valid NHS numbers is small).
///
/// ```swift
/// let hmac = try ValueHMAC(keyFile: "/secure/redact-hmac.key")
/// RedactionRecord(category: "nhs_number", ..., valueHMAC: hmac.hex(of: input[start..<end]))
/// ```
public struct ValueHMAC: Sendable {
    // Kept as bytes: `SymmetricKey` is not `Sendable` in swift-crypto 3.x.
    private let key: [UInt8]

    /// At least 32 random bytes; make one with `head -c 32 /dev/urandom > key`.
    public static let minimumKeyBytes = 32

    public init(key: [UInt8]) throws {
        guard key.count >= Self.minimumKeyBytes else {
            throw LogError(.invalidInput, "HMAC key: at least \(Self.minimumKeyBytes) bytes are needed")
        }
        self.key = key
    }

    /// Reads the key from a file (raw bytes; the file should be readable by its owner only).
    public init(keyFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LogError(.invalidInput, "HMAC key file cannot be read")
        }
        try self.init(key: [UInt8](data))
    }

    /// HMAC-SHA-256 of `value`, as 64 lower-case hex digits.
    public func hex<B: DataProtocol>(of value: B) -> String {
        HashChain.hex(HMAC<SHA256>.authenticationCode(for: value, using: SymmetricKey(data: key)))
    }
}
