/// The QA second check's measures (issue 6).
extension Figures {
    /// QA checks that failed.
    public var qaFailed: Int { qaChecks - qaPassed }

    /// Share of QA second checks that passed, in percent (nil with no checks).
    public var qaPassRatePercent: Double? {
        qaChecks > 0 ? Double(qaPassed) * 100 / Double(qaChecks) : nil
    }

    /// Adds the QA checks of `area` (nil: every area) recorded in `months`.
    mutating func addQA(_ cells: [QACell], area: String?, months: Set<Month>) {
        for c in cells where months.contains(c.month) && (area == nil || c.area == area) {
            qaChecks += c.checks
            qaPassed += c.passed
        }
    }
}

extension Headline {
    /// Whether the value is a percentage (shown with `%`).
    public var isPercent: Bool { self == .within72h || self == .qaPassRate }
}
