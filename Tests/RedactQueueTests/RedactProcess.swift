import Foundation
import RedactTestSupport

/// The built `redact` binary as a child process, for the tests that run real workers (and kill
/// them). Output goes to files, so a child never blocks on a full pipe.
final class RedactProcess {
    static let root = BuiltRedact.root

    static var binary: URL { BuiltRedact.binary }

    let process = Process()
    let stdout: URL
    let stderr: URL

    init(_ args: [String], in dir: URL) throws {
        let id = UUID().uuidString.prefix(8)
        stdout = dir.appendingPathComponent("out-\(id).txt")
        stderr = dir.appendingPathComponent("err-\(id).txt")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.executableURL = Self.binary
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["REDACT_PATTERNS"] = Self.root.appendingPathComponent("patterns/uk").path
        env["NO_COLOR"] = "1"
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
    }

    /// Runs `redact args` to the end.
    static func run(_ args: [String], in dir: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = try RedactProcess(args, in: dir)
        return p.wait()
    }

    func wait() -> (status: Int32, stdout: String, stderr: String) {
        process.waitUntilExit()
        return (process.terminationStatus, output, errors)
    }

    var output: String { (try? String(contentsOf: stdout, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }

    func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }
}

/// Synthetic case text (specimen and drama-range values: no one's personal data).
enum CaseText {
    static let statement = """
    WITNESS STATEMENT (MG11)
    NHS number 943 476 5919, NI number AB 12 34 56 C.
    Email j.okafor@example.org; mobile 07700 900123.
    Address postcode SW1A 1AA.

    """
    static let clean = "The hearing was adjourned to a date to be fixed.\n"

    /// A fresh temporary folder.
    static func tempDir() throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("redact-queue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}
