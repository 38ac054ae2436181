import Crypto
import Foundation

/// Ids derived from a job's id, so that every attempt at a job names the same log entry.
///
/// Processing is at least once: a worker can die after logging a job and before marking it
/// done, and the job is then run again. Its log entry's id (the gate finding's breach id) is a
/// name-based UUID (RFC 9562 version 5) of the job id, so the second attempt's append is
/// refused as a duplicate (`LogError.conflict`) instead of logging the document twice.
public enum JobIdentity {
    /// The namespace of log entry ids derived from job ids (a fixed random UUID).
    static let logEntryNamespace = UUID(uuidString: "5d0e4c1a-8f0b-4a53-9a57-2f1c6c3b9e11")!

    public static func logEntryID(forJob job: UUID) -> UUID {
        nameBased(namespace: logEntryNamespace, name: bytes(job))
    }

    /// Version 5: SHA-1 of namespace and name, truncated to 128 bits, version and variant set.
    static func nameBased(namespace: UUID, name: [UInt8]) -> UUID {
        var hasher = Insecure.SHA1()
        hasher.update(data: bytes(namespace))
        hasher.update(data: name)
        var b = Array(hasher.finalize().prefix(16))
        b[6] = (b[6] & 0x0F) | 0x50
        b[8] = (b[8] & 0x3F) | 0x80
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }

    static func bytes(_ id: UUID) -> [UInt8] {
        withUnsafeBytes(of: id.uuid) { Array($0) }
    }
}
