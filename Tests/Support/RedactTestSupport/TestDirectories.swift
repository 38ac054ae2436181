import Foundation

/// Temporary directories for tests. They live under one directory per test process, removed
/// when the process exits, so test runs leave nothing behind (one run of the CLI tests used to
/// leave about 500 directories in the temporary directory).
public enum TestDirectories {
    /// A fresh directory named `PREFIX-UUID` under this process's directory.
    public static func make(_ prefix: String) throws -> URL {
        let u = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// This process's directory, created on first use and removed at exit.
    public static let root: URL = {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("redact-tests-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: u)  // a reused pid's leftovers
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        cleanupPath = u.path
        atexit {
            if let path = TestDirectories.cleanupPath { try? FileManager.default.removeItem(atPath: path) }
        }
        return u
    }()

    /// Read once, by the exit handler (which cannot capture context).
    nonisolated(unsafe) private static var cleanupPath: String?
}
