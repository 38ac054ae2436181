import Foundation
import RedactLog

/// Writes a job's findings to the log as `redact check --log` writes an input's (a gate
/// finding: an incoming failure to redact, or a near miss with `--outgoing`), once per job
/// however many times the job runs.
///
/// The entry's breach id is ``Job/logEntryID``, derived from the job id. When an earlier attempt
/// already logged the job (its worker died before marking it done), the log refuses the second
/// record as a `.conflict` on that id, and this counts it as logged.
public struct JobLogger: Sendable {
    public let gate: GateRecorder

    public init(gate: GateRecorder) {
        self.gate = gate
    }

    /// Logs `job`'s findings (`counts` by category) and returns the log entry's id; nil when
    /// there is nothing to log. Other log errors are thrown.
    public func record(_ job: Job, sha256: String, counts: [String: Int], detectedAt: Date = Date()) throws -> UUID? {
        guard counts.values.contains(where: { $0 > 0 }) else { return nil }
        do {
            try gate.record(document: job.path, sha256: sha256, counts: counts, detectedAt: detectedAt, id: job.logEntryID)
        } catch let e as LogError where e.kind == .conflict {
            // Logged by an earlier attempt at this job.
        }
        return job.logEntryID
    }
}
