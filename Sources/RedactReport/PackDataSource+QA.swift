/// QA second checks of one area in one month: how many were recorded and how many passed.
public struct QACell: Sendable, Equatable {
    public var area: String
    /// The month the log recorded the checks.
    public var month: Month
    public var checks: Int
    public var passed: Int

    public init(area: String, month: Month, checks: Int, passed: Int) {
        self.area = area
        self.month = month
        self.checks = checks
        self.passed = passed
    }
}

extension PackDataSource {
    /// A source that knows no QA checks (a log older than schema v2) reports none.
    public func qaCells(in window: TimeWindow) throws -> [QACell] { [] }
}
