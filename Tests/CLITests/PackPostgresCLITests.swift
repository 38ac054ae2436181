import Foundation
import RedactTestSupport
import Testing

/// `redact pack --log postgres://...` (issue 9): the national log in PostgreSQL gives the pack
/// the same demo activity gives from a file.
@Suite(.enabled(if: !PostgresTestDatabase.skipped)) struct PackPostgresCLITests {
    /// The JSON pack without what differs between two logs of the same activity: when it was made
    /// and the log's identity (kind, id, head hash).
    static func figures(_ r: Run) throws -> NSDictionary {
        var json = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        json["generated_at"] = nil
        var source = try #require(json["source"] as? [String: Any])
        for key in ["kind", "log_id", "head_hash", "checkpoint"] { source[key] = nil }
        json["source"] = source
        return json as NSDictionary
    }

    @Test func packsFromPostgresEqualPacksFromAFile() throws {
        let db = try PostgresTestDatabase()
        let dir = try CLI.tempDir()
        let file = dir.appendingPathComponent("demo.sqlite").path
        let demo = ["demo-log", "--seed", "5", "--scale", "0.1", "--history", "3"]
        let a = try CLI.run(demo + ["--out", file])
        #expect(a.status == 0, "\(a.stderr)")
        let b = try CLI.run(demo + ["--out", db.url.secretURL])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(b.stdout.contains("wrote \(db.url.description)") && !b.stdout.contains(":redact@"), "the password is never printed")
        // The demo goes only into an empty log.
        let again = try CLI.run(demo + ["--out", db.url.secretURL])
        #expect(again.status == 1 && again.stderr.contains("already holds entries"))

        for args in [["--national", "--period", "2026-Q3"], ["--area", "cps-wessex", "--period", "2026-09"],
                     ["--national", "--period", "FY2025-26", "--repeat-threshold", "1"]] {
            let fromFile = try CLI.run(["pack"] + args + ["--log", file, "--format", "json", "--out", "-"])
            let fromServer = try CLI.run(["pack"] + args + ["--log", db.url.secretURL, "--format", "json", "--out", "-"])
            #expect(fromFile.status == 0 && fromServer.status == 0, "\(fromFile.stderr) \(fromServer.stderr)")
            let source = (try JSONSerialization.jsonObject(with: fromServer.stdoutBytes) as? [String: Any])?["source"] as? [String: Any]
            #expect(source?["kind"] as? String == "postgresql")
            #expect(try Self.figures(fromFile) == Self.figures(fromServer), "\(args)")
        }
        // REDACT_LOG names the server too, and a database without a log is a storage failure (3).
        let viaEnv = try CLI.run(["pack", "--national", "--period", "2026-Q3", "--format", "csv", "--out", "-"],
                                 env: ["REDACT_LOG": db.url.secretURL])
        #expect(viaEnv.status == 0 && viaEnv.stdout.contains("documents_shared"))
        let empty = try PostgresTestDatabase()
        let none = try CLI.run(["pack", "--national", "--period", "2026-Q3", "--log", empty.url.secretURL, "--out", "-"])
        #expect(none.status == 3 && none.stderr.contains("no redact log"))
        withExtendedLifetime((db, empty)) {}
    }
}
