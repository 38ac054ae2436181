import Foundation
import RedactTestSupport

/// Runs the built `redact` binary and captures what it printed.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
}

enum CLI {
    /// The repository root.
    static let root = BuiltRedact.root

    static var binary: URL { BuiltRedact.binary }

    @discardableResult
    static func run(_ args: [String], stdin: Data? = nil, cwd: URL? = nil, env: [String: String] = [:]) throws -> Run {
        // A child that exits without reading its input must not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment["REDACT_PATTERNS"] = root.appendingPathComponent("patterns/uk").path
        environment["NO_COLOR"] = "1"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : inp
        try p.run()
        if let stdin {
            DispatchQueue.global().async {
                try? inp.fileHandleForWriting.write(contentsOf: stdin)
                try? inp.fileHandleForWriting.close()
            }
        }
        // Read both pipes concurrently so a full pipe never blocks the child.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }

    /// A fresh temporary directory (removed with the others when the test process exits).
    static func tempDir() throws -> URL {
        try TestDirectories.make("redact-cli")
    }
}

/// A small case document with known personal data (synthetic: specimen and drama-range values).
enum Fixture {
    static let planted = [
        "943 476 5919", "AB 12 34 56 C", "j.okafor@example.org", "07700 900123", "SW1A 1AA", "Ayodele Okafor",
    ]
    static let text = """
    \u{FEFF}WITNESS STATEMENT (MG11)\r
    Name: Ayodele Okafor\r
    NHS number 943 476 5919, NI number AB 12 34 56 C.\r
    Email j.okafor@example.org; mobile 07700 900123.\r
    Address postcode SW1A 1AA. Offence under section 18 of the Offences against the Person Act 1861.\r
    Specimen number QQ 12 34 56 C is not anyone's.\r

    """
    static let parties = "Ayodele Okafor\twitness\n"
}

/// Hands a pipe's bytes from the reading thread back (the group's wait orders the accesses).
final class DataBox: @unchecked Sendable {
    var data = Data()
}
