import Foundation
import RedactLog
import RedactQueue

/// `redact jobs status` output: a few lines for people, one JSON object for machines.
enum QueueStatusText {
    static func human(_ s: QueueStatus) -> String {
        var out = ""
        if let b = s.batch {
            let name = b.name.map { " (\($0))" } ?? ""
            out += "batch \(id(b.id))\(name), submitted \(LogTime.format(b.submittedAt)): \(b.jobs) job(s), \(size(b.bytes))\n"
        } else {
            out += "all batches: \(s.totalJobs) job(s)\n"
        }
        out += JobState.allCases.map { "\($0.rawValue) \(s.count($0))" }.joined(separator: ", ") + "\n"
        let o = s.outcomes
        out += "done: \(o[.clean] ?? 0) clean, \(o[.found] ?? 0) with personal data (\(s.findings) findings), \(o[.skipped] ?? 0) skipped\n"
        let known = JobState.allCases.reduce(Int64(0)) { $0 + (s.states[$1]?.bytes ?? 0) }
        out += "bytes done: \(size(s.bytesDone)) (submitted sizes total \(size(known)))\n"
        if let elapsed = s.elapsed, let bps = s.bytesPerSecond, let jps = s.jobsPerSecond {
            out += String(format: "throughput: %.2f MB/s, %.1f jobs/s over %.1f s", bps / 1e6, jps, elapsed)
            out += String(format: "; last %.0f s: %.2f MB/s, %.1f jobs/s\n", QueueStatus.recentWindow,
                          Double(s.recentBytes) / 1e6 / QueueStatus.recentWindow, Double(s.recentJobs) / QueueStatus.recentWindow)
        }
        if !s.byCategory.isEmpty {
            out += "findings by category: " + s.byCategory.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        if let r = s.oldestRunning {
            let age = Int(s.serverTime.timeIntervalSince(r.startedAt).rounded())
            let left = Int(r.leaseExpiresAt.timeIntervalSince(s.serverTime).rounded())
            out += "oldest running: \(id(r.id)) \(r.path) on \(r.owner), attempt \(r.attempts), started \(age) s ago, "
                + (left >= 0 ? "lease expires in \(left) s\n" : "lease expired \(-left) s ago\n")
        }
        if s.count(.failed) > 0 {
            out += "failed (\(s.count(.failed))\(s.failed.count < s.count(.failed) ? ", first \(s.failed.count)" : "")):\n"
            for f in s.failed { out += "  \(id(f.id)) \(f.path): after \(f.attempts) attempt(s): \(f.reason)\n" }
        }
        return out
    }

    static func json(_ s: QueueStatus) -> String {
        var fields: [String] = []
        if let b = s.batch {
            fields.append("\"batch\":{\"id\":\"\(id(b.id))\",\"name\":\(b.name.map(jsonString) ?? "null"),"
                          + "\"submitted_at\":\(jsonString(LogTime.format(b.submittedAt))),\"jobs\":\(b.jobs),\"bytes\":\(b.bytes)}")
        }
        fields.append("\"states\":{" + JobState.allCases.map { "\"\($0.rawValue)\":\(s.count($0))" }.joined(separator: ",") + "}")
        fields.append("\"outcomes\":{" + JobResult.Outcome.allCases.map { "\"\($0.rawValue)\":\(s.outcomes[$0] ?? 0)" }.joined(separator: ",") + "}")
        fields.append("\"findings\":\(s.findings)")
        fields.append("\"by_category\":{" + s.byCategory.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):\($0.value)" }.joined(separator: ",") + "}")
        fields.append("\"bytes_done\":\(s.bytesDone)")
        fields.append("\"elapsed_seconds\":\(number(s.elapsed))")
        fields.append("\"bytes_per_second\":\(number(s.bytesPerSecond))")
        fields.append("\"jobs_per_second\":\(number(s.jobsPerSecond))")
        fields.append("\"recent\":{\"seconds\":\(Int(QueueStatus.recentWindow)),\"jobs\":\(s.recentJobs),\"bytes\":\(s.recentBytes)}")
        fields.append("\"finished\":\(s.isFinished)")
        let failed = s.failed.map {
            "{\"id\":\"\(id($0.id))\",\"path\":\(jsonString($0.path)),\"attempts\":\($0.attempts),\"reason\":\(jsonString($0.reason))}"
        }
        fields.append("\"failed\":[" + failed.joined(separator: ",") + "]")
        if let r = s.oldestRunning {
            fields.append("\"oldest_running\":{\"id\":\"\(id(r.id))\",\"path\":\(jsonString(r.path)),\"owner\":\(jsonString(r.owner)),"
                          + "\"attempts\":\(r.attempts),\"started_at\":\(jsonString(LogTime.format(r.startedAt))),"
                          + "\"lease_expires_at\":\(jsonString(LogTime.format(r.leaseExpiresAt)))}")
        } else {
            fields.append("\"oldest_running\":null")
        }
        fields.append("\"server_time\":\(jsonString(LogTime.format(s.serverTime)))")
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func id(_ u: UUID) -> String { u.uuidString.lowercased() }

    /// Decimal units, as the benchmarks count them: `812 bytes`, `7.6 kB`, `3.4 MB`, `1.2 GB`.
    static func size(_ bytes: Int64) -> String {
        let x = Double(bytes)
        if x < 1e3 { return "\(bytes) bytes" }
        if x < 1e6 { return String(format: "%.1f kB", x / 1e3) }
        if x < 1e9 { return String(format: "%.1f MB", x / 1e6) }
        return String(format: "%.2f GB", x / 1e9)
    }

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "null" }
        return String(format: "%.3f", x)
    }
}
