import Foundation
import Testing
@testable import RedactWeb

/// The served script parses (node's syntax check), and it and the stylesheet stay within what
/// the CSP allows (no eval, no inline handlers it would need, no remote URLs).
@Suite struct ScriptTests {
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: node != nil, "node is not installed")) func reviewScriptParses() throws {
        let path = NSTemporaryDirectory() + "review-\(UUID().uuidString).js"
        try ReviewScript.source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.node!)
        p.arguments = ["--check", path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test func nothingTheCSPWouldBlock() {
        for text in [ReviewScript.source, AppStyle.css] {
            #expect(!text.contains("eval(") && !text.contains("http://") && !text.contains("https://") && !text.contains("innerHTML"))
        }
    }
}
