import Crypto
import Foundation
import RedactLog

/// A reproducible random sample of disclosures for a second checker (`redact qa sample`).
///
/// Each disclosure is drawn on its own: its score is a keyed hash of its entry id under the
/// seed (SHA-256 of `redact-qa-sample/1`, the seed and the id, read as a number in [0, 1)), and
/// it is in the sample when the score is below the rate. So the same log, area, period, rate and
/// seed always give the same sample, whatever order the entries are read in; a higher rate
/// gives a superset of a lower one; and nobody can steer which documents are picked without
/// knowing the seed (the command picks a random one when none is given, and prints it).
public enum QASample {
    /// The entry's score under `seed`, uniform in [0, 1).
    public static func score(entryID: String, seed: UInt64) -> Double {
        let digest = SHA256.hash(data: Array("redact-qa-sample/1\n\(seed)\n\(entryID.lowercased())".utf8))
        let top = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Double(top >> 11) * 0x1.0p-53
    }

    /// The disclosures whose score is below `rate`, in their original order.
    public static func select(_ disclosures: [DisclosureSummary], rate: Double, seed: UInt64) -> [DisclosureSummary] {
        disclosures.filter { score(entryID: $0.entryID, seed: seed) < rate }
    }
}
