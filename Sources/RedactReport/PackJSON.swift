import Foundation
import RedactLog

/// The JSON format: the pack's data model written out, for other tools (docs/pack-format.md).
///
/// The current period's figures sit at the top level (`redactions.total`, `breaches.total`,
/// `documents.shared`); `previous`, `year_before` and (for an area) `national` repeat the same
/// shape. Counts are plain numbers; a count hidden by `--suppress-small` is `null`, and so is a
/// figure that cannot be computed (a rate with no documents shared).
public enum PackJSON {
    public static let formatName = "redact-pack"
    public static let version = 1

    public static func render(_ pack: Pack) -> String {
        tree(pack).serialized()
    }

    public static func tree(_ pack: Pack) -> JSONValue {
        let s = Suppression(below: pack.settings.suppressBelow)
        var top: [(String, JSONValue)] = [
            ("format", .string(formatName)),
            ("version", .int(version)),
            ("scope", scope(pack)),
            ("period", period(pack.period)),
            ("generated_at", .string(LogTimeText.format(pack.generatedAt))),
            ("source", source(pack.source)),
            ("settings", .object([
                ("suppress_below", pack.settings.suppressBelow.map { .int($0) } ?? .null),
                ("repeat_threshold", .int(pack.settings.repeatThreshold)),
                ("show_operators", .bool(pack.settings.showOperators)),
            ])),
            ("empty", .bool(pack.isEmpty)),
        ]
        top += figures(pack.current, s)
        func partial(_ p: PackPeriod) -> JSONValue {
            .bool(pack.source.firstRecordedAt.map { $0 > p.window.start && $0 < p.window.end } ?? false)
        }
        top.append(("previous", .object([("period", period(pack.period.previous)), ("covered", .bool(pack.previousCovered)),
                                         ("partial", partial(pack.period.previous))] + figures(pack.previous, s))))
        top.append(("year_before", .object([("period", period(pack.period.yearBefore)), ("covered", .bool(pack.yearBeforeCovered)),
                                            ("partial", partial(pack.period.yearBefore))] + figures(pack.yearBefore, s))))
        if let national = pack.national {
            top.append(("national", .object(figures(national, s))))
            top.append(("ranks", ranks(pack.ranks)))
        }
        top.append(("areas", .array(pack.areas.map { area($0, s) })))
        top.append(("trend", trend(pack.trend, s)))
        top.append(("repeat_breaches", repeats(pack, s)))
        top.append(("notes", .array(pack.notes.map { .string($0) })))
        return .object(top)
    }

    static func scope(_ pack: Pack) -> JSONValue {
        switch pack.scope {
        case .national:
            return .object([("kind", .string("national")), ("label", .string(pack.scopeLabel))])
        case .area(let code):
            return .object([("kind", .string("area")), ("area", .string(code)), ("label", .string(pack.scopeLabel)),
                            ("group", pack.scopeGroup.map { .string($0) } ?? .null)])
        }
    }

    static func period(_ p: PackPeriod) -> JSONValue {
        .object([
            ("code", .string(p.code)), ("kind", .string(p.kind.rawValue)), ("label", .string(p.label)),
            ("start", .string(p.first.code + "-01")), ("end", .string(p.last.adding(1).code + "-01")),
        ])
    }

    static func source(_ d: SourceDescription) -> JSONValue {
        .object([
            ("kind", .string(d.kind)), ("log_id", .string(d.logID)), ("entries", .int(Int(d.entries))),
            ("head_hash", .string(d.headHash)), ("checkpoint", .string("\(d.entries):\(d.headHash)")),
            ("first_recorded_at", d.firstRecordedAt.map { .string(LogTime.format($0)) } ?? .null),
            ("last_recorded_at", d.lastRecordedAt.map { .string(LogTime.format($0)) } ?? .null),
        ])
    }

    /// The figures' members, in the pack's order.
    static func figures(_ f: Figures, _ s: Suppression) -> [(String, JSONValue)] {
        [
            ("documents", .object([("shared", s.json(f.documentsShared)), ("processed", s.json(f.documentsProcessed))])),
            ("redactions", .object([
                ("total", s.json(f.redactions)),
                ("per_document", .number(s.derived(f.redactionsPerDocument, from: f.redactions))),
                ("kept", s.json(f.kept)),
                ("by_category", .counts(f.redactionsByCategory, s)),
                ("by_justification", .counts(f.redactionsByJustification, s)),
                ("by_style", .counts(f.redactionsByStyle, s)),
            ])),
            ("shares", .object([("total", s.json(f.documentsShared)), ("by_recipient", .counts(f.sharesByRecipient, s))])),
            ("near_misses", .object([("total", s.json(f.nearMisses)), ("by_type", .counts(f.nearMissesByType, s))])),
            ("incoming_failures", .object([("total", s.json(f.incomingFailures)), ("by_source", .counts(f.incomingBySource, s))])),
            ("breaches", .object([
                ("total", s.json(f.breaches)),
                ("rate_per_1000_shared", .number(s.derived(f.breachRatePer1000, from: f.breaches))),
                ("by_stage", .object(BreachStage.allCases.map { ($0.rawValue, s.json(f.registerByStage[$0.rawValue] ?? 0)) })),
                ("by_type", .counts(f.breachesByType, s)),
                ("by_severity", .counts(f.breachesBySeverity, s)),
                ("ico_reportable", s.json(f.icoReportable)),
                ("ico_reported", s.json(f.icoReported)),
                ("reported_within_72h", s.json(f.reportedWithin72h)),
                ("reported_within_72h_percent", .number(s.derived(f.within72hPercent, from: f.icoReported), places: 1)),
                ("hours_to_report", .object([
                    ("median", .number(s.derived(f.medianHoursToReport, from: f.icoReported), places: 1)),
                    ("max", .number(s.derived(f.maxHoursToReport, from: f.icoReported), places: 1)),
                ])),
            ])),
            ("qa", qa(f, s)),
        ]
    }

    static func ranks(_ r: [Headline: Rank]) -> JSONValue {
        .object(Headline.allCases.compactMap { h in
            r[h].map { (h.rawValue, .object([("rank", .int($0.rank)), ("of", .int($0.of))])) }
        })
    }

    static func area(_ row: AreaRow, _ s: Suppression) -> JSONValue {
        let f = row.figures
        return .object([
            ("area", .string(row.area)), ("label", .string(row.label)), ("group", .string(row.group)),
            ("documents", .object([("shared", s.json(f.documentsShared)), ("processed", s.json(f.documentsProcessed))])),
            ("redactions", .object([
                ("total", s.json(f.redactions)),
                ("per_document", .number(s.derived(f.redactionsPerDocument, from: f.redactions))),
            ])),
            ("near_misses", .object([("total", s.json(f.nearMisses))])),
            ("incoming_failures", .object([("total", s.json(f.incomingFailures))])),
            ("breaches", .object([
                ("total", s.json(f.breaches)),
                ("rate_per_1000_shared", .number(s.derived(f.breachRatePer1000, from: f.breaches))),
                ("ico_reported", s.json(f.icoReported)),
                ("reported_within_72h_percent", .number(s.derived(f.within72hPercent, from: f.icoReported), places: 1)),
            ])),
            ("qa", qa(f, s)),
            ("ranks", ranks(row.ranks)),
        ])
    }

    static func trend(_ t: Trend, _ s: Suppression) -> JSONValue {
        .object([("months", .array(t.months.map { .string($0.code) }))]
            + Trend.Series.allCases.map { ($0.rawValue, .array(t.series($0).map { s.json($0) })) })
    }

    static func repeats(_ pack: Pack, _ s: Suppression) -> JSONValue {
        let units = pack.repeats.filter { $0.kind == .unit }
        let operators = pack.repeats.filter { $0.kind == .operator }
        var ops: [(String, JSONValue)] = [("count", .int(operators.count))]
        if pack.settings.showOperators {
            ops.append(("list", .array(operators.map {
                .object([("area", .string($0.area)), ("operator", .string($0.id)), ("breaches", s.json($0.breaches))])
            })))
        }
        return .object([
            ("threshold", .int(pack.settings.repeatThreshold)),
            ("units", .array(units.map {
                .object([("area", .string($0.area)), ("unit", .string($0.id)), ("breaches", s.json($0.breaches))])
            })),
            ("operators", .object(ops)),
        ])
    }
}
