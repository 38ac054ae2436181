extension PackJSON {
    /// The QA second checks of a scope: `{"checks":…,"passed":…,"failed":…,"pass_rate_percent":…}`,
    /// suppressed like every count (the rate is hidden with the number of checks).
    static func qa(_ f: Figures, _ s: Suppression) -> JSONValue {
        .object([
            ("checks", s.json(f.qaChecks)),
            ("passed", s.json(f.qaPassed)),
            ("failed", s.json(f.qaFailed)),
            ("pass_rate_percent", .number(s.derived(f.qaPassRatePercent, from: f.qaChecks), places: 1)),
        ])
    }
}
