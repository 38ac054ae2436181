import Foundation

/// Where the tests that run the real command line find the repository and the built binary.
public enum BuiltRedact {
    /// The repository root (this file is Tests/Support/RedactTestSupport/BuiltRedact.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `redact` executable built beside the test bundle (or in `.build/debug`).
    public static var binary: URL {
        let dir = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [dir.appendingPathComponent("redact"), Bundle.main.bundleURL.appendingPathComponent("redact"),
                          root.appendingPathComponent(".build/debug/redact")] where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return root.appendingPathComponent(".build/debug/redact")
    }
}
