import Foundation
import RedactLog
@testable import RedactReport

/// One small demo log shared by the rendering tests (made once per test run).
enum Fixture {
    static let dir = TempDir()
    static let demoPath: String = {
        let path = dir.path("demo.sqlite")
        _ = try! DemoLog.generate(path: path, options: DemoLogOptions(seed: 42, year: 2026, historyMonths: 12, scale: 0.15))
        return path
    }()
}
