import Foundation
import RedactLog

/// What to build: a scope, a period and the options.
public struct PackRequest: Sendable {
    public var scope: PackScope
    public var period: PackPeriod
    public var settings: PackSettings
    /// When the pack is made (its "generated" line); tests fix it.
    public var generatedAt: Date

    public init(scope: PackScope, period: PackPeriod, settings: PackSettings = PackSettings(), generatedAt: Date = Date()) {
        self.scope = scope
        self.period = period
        self.settings = settings
        self.generatedAt = generatedAt
    }
}

/// Builds a ``Pack`` from a ``PackDataSource``: asks the source for a handful of aggregates and
/// arranges them into figures, comparisons, ranks and trends. No SQL here, and no formatting.
public struct PackBuilder: Sendable {
    public let reference: Reference

    public init(reference: Reference) {
        self.reference = reference
    }

    /// Checks an area code against the reference data, listing the valid codes when it is not.
    public func validate(area: String) throws -> String {
        guard reference.contains(area, in: .areas) else {
            throw ReportError(.unknownArea, "unknown area \(LogSafe.show(area))", validCodes: reference.codes(.areas))
        }
        return area
    }

    public func build(_ request: PackRequest, from source: any PackDataSource) throws -> Pack {
        if let area = request.scope.area { _ = try validate(area: area) }
        guard request.settings.repeatThreshold >= 1 else {
            throw ReportError(.invalidOption, "the repeat threshold must be at least 1")
        }
        if let n = request.settings.suppressBelow, n < 1 {
            throw ReportError(.invalidOption, "the suppression threshold must be at least 1")
        }
        let period = request.period
        let area = request.scope.area
        let description = try source.describe()
        let periods = [period, period.previous, period.yearBefore]
        let windows = periods.map(\.window)
        let trendMonths = period.trendMonths
        let scope = request.scope, threshold = request.settings.repeatThreshold
        // A financial year's "previous" and "year before" are the same window: ask once.
        let distinct = (0..<3).filter { i in !(0..<i).contains { windows[$0] == windows[i] } }
        func slot(_ i: Int) -> Int { distinct.contains(i) ? i : distinct.first { windows[$0] == windows[i] }! }

        // The aggregates, independent of each other, run on all cores (see Parallel). Each asks
        // for only the grouping it needs: every grouping is a sort of the rows it covers.
        let groups = (0..<3).map { _ in Parallel.Slot<[RedactionGroup]>() }
        let nationalGroups = Parallel.Slot<[RedactionGroup]>()
        let documents = (0..<3).map { _ in Parallel.Slot<[AreaDocuments]>() }
        let byRecipient = (0..<3).map { _ in Parallel.Slot<[DisclosureCell]>() }
        let nationalByRecipient = Parallel.Slot<[DisclosureCell]>()
        let monthly = trendMonths.map { _ in Parallel.Slot<[DisclosureCell]>() }
        let register = Parallel.Slot<[RegisterGroup]>(), minutes = Parallel.Slot<[AreaMonthValue]>()
        let repeats = Parallel.Slot<[RepeatCount]>()
        let qa = Parallel.Slot<[QACell]>()
        // Register records: the comparisons and the trend in one window (the register is small).
        let firstMonth = [trendMonths[0], period.previous.first, period.yearBefore.first].min()!
        let union = TimeWindow(start: firstMonth.start, end: period.window.end)

        var jobs: [@Sendable () throws -> Void] = []
        for i in distinct {
            jobs.append { groups[i].value = try source.redactionCounts(in: [windows[i]], scope: scope)[0] }
            // The current period's documents of every area serve the areas compared as well.
            jobs.append { documents[i].value = try source.documentTotals(in: windows[i], area: i == 0 ? nil : area) }
        }
        if area != nil {
            jobs.append { nationalGroups.value = try source.redactionCounts(in: [windows[0]], scope: .national)[0] }
            jobs.append { nationalByRecipient.value = try source.disclosureCells(in: windows[0], by: .recipient, area: nil) }
        }
        for i in distinct {
            jobs.append { byRecipient[i].value = try source.disclosureCells(in: windows[i], by: .recipient, area: area) }
        }
        for (k, m) in trendMonths.enumerated() {
            let w = TimeWindow(start: m.start, end: m.adding(1).start)
            jobs.append { monthly[k].value = try source.disclosureCells(in: w, by: [], area: area) }
        }
        jobs.append {
            register.value = try source.registerCells(in: union)
            minutes.value = try source.reportingMinutes(in: union)
            repeats.value = try source.repeatBreaches(in: windows[0], minimum: threshold)
        }
        jobs.append { qa.value = try source.qaCells(in: union) }
        try Parallel.run(jobs)

        let registerRows = register.value ?? [], minuteRows = minutes.value ?? [], qaRows = qa.value ?? []
        func figures(_ i: Int, area: String?, shares: [DisclosureCell], groups g: [RedactionGroup]) -> Figures {
            var f = Figures.collect(area: area, months: Set(periods[i].months), documents: documents[slot(i)].value ?? [], shares: shares,
                                    groups: g, register: registerRows, minutes: minuteRows, reference: reference)
            f.addQA(qaRows, area: area, months: Set(periods[i].months))
            return f
        }
        let perWindow = (0..<3).map { i in
            figures(i, area: area, shares: byRecipient[slot(i)].value ?? [], groups: groups[slot(i)].value ?? [])
        }
        let (current, previous, yearBefore) = (perWindow[0], perWindow[1], perWindow[2])
        let national = area == nil ? nil
            : figures(0, area: nil, shares: nationalByRecipient.value ?? [], groups: nationalGroups.value ?? [])
        let monthCells = zip(trendMonths, monthly).flatMap { m, slot in (slot.value ?? []).map { var c = $0; c.month = m; return c } }
        let trend = Self.trend(months: trendMonths, area: area, cells: monthCells, register: registerRows)

        // Areas: every area of each group seen anywhere in the figures, so an area with nothing
        // recorded still appears (and ranks) beside its peers.
        var seen = Set((documents[0].value ?? []).map(\.area)).union(registerRows.map(\.area))
            .union(qaRows.filter { period.months.contains($0.month) }.map(\.area))
        if let area { seen.insert(area) }
        let areas = areaRows(seen: seen, months: Set(period.months), documents: documents[0].value ?? [],
                             register: registerRows, minutes: minuteRows, qa: qaRows)
        let ranks = area.flatMap { a in areas.first { $0.area == a }?.ranks } ?? [:]
        let repeatList = (repeats.value ?? [])
            .filter { area == nil || $0.area == area }
            .sorted { ($0.kind.rawValue, -$0.breaches, $0.area, $0.id) < ($1.kind.rawValue, -$1.breaches, $1.area, $1.id) }

        let first = description.firstRecordedAt
        let previousCovered = first.map { $0 < period.previous.window.end } ?? false
        let yearBeforeCovered = first.map { $0 < period.yearBefore.window.end } ?? false
        let label = area.map { reference.entry($0, in: .areas)?.label ?? $0 } ?? "National (all areas)"

        var notes: [String] = []
        if description.entries == 0 {
            notes.append("The log is empty: nothing has been recorded in it yet.")
        } else if current.isEmpty {
            notes.append("Nothing was recorded for \(label) in \(period.label): no documents shared and no breach register records.")
        }
        if !previousCovered && description.entries > 0 {
            notes.append("The log begins after \(period.previous.label), so there is no previous-period comparison.")
        }
        if !yearBeforeCovered && description.entries > 0 && period.kind != .financialYear {
            notes.append("The log begins after \(period.yearBefore.label), so there is no comparison with a year before.")
        }
        // A comparison period the log only partly covers is compared, but said to be partial.
        for (name, p) in [("previous period", period.previous), ("year before", period.yearBefore)]
        where period.kind != .financialYear || name == "previous period" {
            if let first, first > p.window.start, first < p.window.end {
                let month = Month(code: LogTime.format(first))?.longLabel ?? ""
                notes.append("The log begins in \(month), part way through \(p.label): the \(name) figures cover only part of it.")
            }
        }
        notes += description.notes

        return Pack(
            scope: request.scope, scopeLabel: label,
            scopeGroup: area.flatMap { reference.entry($0, in: .areas)?.attributes.first },
            period: period, generatedAt: request.generatedAt, source: description, settings: request.settings,
            current: current, previous: previous, yearBefore: yearBefore,
            previousCovered: previousCovered, yearBeforeCovered: yearBeforeCovered,
            national: national, areas: areas, ranks: ranks, trend: trend, repeats: repeatList, notes: notes)
    }

    /// One row per area of every group present, with ranks within the group.
    func areaRows(seen: Set<String>, months: Set<Month>, documents: [AreaDocuments],
                  register: [RegisterGroup], minutes: [AreaMonthValue], qa: [QACell] = []) -> [AreaRow] {
        let groupOf: (String) -> String = { self.reference.entry($0, in: .areas)?.attributes.first ?? "unlisted" }
        let groups = Set(seen.map(groupOf))
        var codes = reference.entries(.areas).filter { groups.contains($0.attributes.first ?? "unlisted") }.map(\.code)
        codes += seen.filter { !reference.contains($0, in: .areas) }.sorted()
        var rows = codes.map { code in
            AreaRow(area: code, label: reference.entry(code, in: .areas)?.label ?? code, group: groupOf(code),
                    figures: Figures.collect(area: code, months: months, documents: documents, shares: [], groups: [],
                                             register: register, minutes: minutes, reference: reference),
                    ranks: [:])
        }
        for i in rows.indices { rows[i].figures.addQA(qa, area: rows[i].area, months: months) }
        for group in groups {
            let members = rows.indices.filter { rows[$0].group == group }
            for measure in Headline.allCases {
                var values: [String: Double?] = [:]
                for i in members { values[rows[i].area] = measure.value(rows[i].figures) }
                let ranked = Rank.ranks(values)
                for i in members { rows[i].ranks[measure] = ranked[rows[i].area] }
            }
        }
        return rows
    }

    static func trend(months: [Month], area: String?, cells: [DisclosureCell], register: [RegisterGroup]) -> Trend {
        let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        var values: [Trend.Series: [Int]] = [:]
        for s in Trend.Series.allCases { values[s] = Array(repeating: 0, count: months.count) }
        for c in cells where area == nil || c.area == nil || c.area == area {
            guard let m = c.month, let i = index[m] else { continue }
            values[.documentsShared]![i] += c.shared
            values[.redactions]![i] += c.redactions
        }
        for r in register where area == nil || r.area == area {
            guard let i = index[r.month] else { continue }
            switch r.stage {
            case BreachStage.breach.rawValue: values[.breaches]![i] += r.count
            case BreachStage.nearMiss.rawValue: values[.nearMisses]![i] += r.count
            case BreachStage.incomingFailureToRedact.rawValue: values[.incomingFailures]![i] += r.count
            default: break
            }
        }
        return Trend(months: months, values: values)
    }
}
