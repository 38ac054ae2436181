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
            throw PackError(.unknownArea, "unknown area \(LogSafe.show(area))", validCodes: reference.codes(.areas))
        }
        return area
    }

    public func build(_ request: PackRequest, from source: any PackDataSource) throws -> Pack {
        if let area = request.scope.area { _ = try validate(area: area) }
        guard request.settings.repeatThreshold >= 1 else {
            throw PackError(.invalidOption, "the repeat threshold must be at least 1")
        }
        if let n = request.settings.suppressBelow, n < 1 {
            throw PackError(.invalidOption, "the suppression threshold must be at least 1")
        }
        let period = request.period
        let area = request.scope.area
        let description = try source.describe()
        let periods = [period, period.previous, period.yearBefore]
        let windows = periods.map(\.window)
        let trendMonths = period.trendMonths
        // The months covering everything: the comparisons and the twelve months of trend.
        let firstMonth = [trendMonths[0], period.previous.first, period.yearBefore.first].min()!
        let unionMonths = (period.last.year - firstMonth.year) * 12 + period.last.month - firstMonth.month + 1
        let union = TimeWindow(start: firstMonth.start, end: period.window.end)

        // The aggregates, independent of each other: run on all cores (see Parallel).
        // The disclosure cells in three-month pieces: the biggest aggregate, split so both cores
        // share it.
        let pieces = stride(from: 0, to: unionMonths, by: 3).map { k in
            TimeWindow(start: firstMonth.adding(k).start, end: firstMonth.adding(min(k + 3, unionMonths)).start)
        }
        let cellPieces = pieces.map { _ in Parallel.Slot<[DisclosureCell]>() }
        let register = Parallel.Slot<[RegisterGroup]>()
        let minutes = Parallel.Slot<[AreaMonthValue]>(), repeats = Parallel.Slot<[RepeatCount]>()
        let processed = (0..<3).map { _ in Parallel.Slot<[AreaValue]>() }
        let groups = (0..<3).map { _ in Parallel.Slot<[RedactionGroup]>() }
        let nationalGroups = Parallel.Slot<[RedactionGroup]>()
        let scope = request.scope, threshold = request.settings.repeatThreshold
        // A financial year's "previous" and "year before" are the same window: ask once.
        let distinct = (0..<3).filter { i in !(0..<i).contains { windows[$0] == windows[i] } }
        var jobs: [@Sendable () throws -> Void] = []
        for (k, piece) in pieces.enumerated() { jobs.append { cellPieces[k].value = try source.disclosureCells(in: piece) } }
        for i in distinct {
            jobs.append { processed[i].value = try source.processedDocuments(in: [windows[i]])[0] }
            jobs.append { groups[i].value = try source.redactionCounts(in: [windows[i]], scope: scope)[0] }
        }
        if area != nil {
            jobs.append { nationalGroups.value = try source.redactionCounts(in: [windows[0]], scope: .national)[0] }
        }
        jobs.append {
            register.value = try source.registerCells(in: union)
            minutes.value = try source.reportingMinutes(in: union)
            repeats.value = try source.repeatBreaches(in: windows[0], minimum: threshold)
        }
        try Parallel.run(jobs)
        let cells = Parallel.Slot<[DisclosureCell]>()
        cells.value = cellPieces.flatMap { $0.value ?? [] }
        func slot(_ i: Int) -> Int { distinct.contains(i) ? i : distinct.first { windows[$0] == windows[i] }! }

        func figures(_ i: Int, area: String?, groups g: [RedactionGroup]) -> Figures {
            Figures.collect(area: area, months: Set(periods[i].months), cells: cells.value ?? [],
                            processed: processed[slot(i)].value ?? [], groups: g, register: register.value ?? [],
                            minutes: minutes.value ?? [], reference: reference)
        }
        let current = figures(0, area: area, groups: groups[0].value ?? [])
        let previous = figures(1, area: area, groups: groups[slot(1)].value ?? [])
        let yearBefore = figures(2, area: area, groups: groups[slot(2)].value ?? [])
        let national = area == nil ? nil : figures(0, area: nil, groups: nationalGroups.value ?? [])
        let trend = Self.trend(months: trendMonths, area: area, cells: cells.value ?? [], register: register.value ?? [])

        // Areas: every area of each group seen anywhere in the figures, so an area with nothing
        // recorded still appears (and ranks) beside its peers.
        var seen = Set((cells.value ?? []).map(\.area)).union((register.value ?? []).map(\.area))
        if let area { seen.insert(area) }
        let areas = areaRows(seen: seen, months: Set(period.months), cells: cells.value ?? [],
                             processed: processed[0].value ?? [], register: register.value ?? [], minutes: minutes.value ?? [])
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
    func areaRows(seen: Set<String>, months: Set<Month>, cells: [DisclosureCell], processed: [AreaValue],
                  register: [RegisterGroup], minutes: [AreaMonthValue]) -> [AreaRow] {
        let groupOf: (String) -> String = { self.reference.entry($0, in: .areas)?.attributes.first ?? "unlisted" }
        let groups = Set(seen.map(groupOf))
        var codes = reference.entries(.areas).filter { groups.contains($0.attributes.first ?? "unlisted") }.map(\.code)
        codes += seen.filter { !reference.contains($0, in: .areas) }.sorted()
        var rows = codes.map { code in
            AreaRow(area: code, label: reference.entry(code, in: .areas)?.label ?? code, group: groupOf(code),
                    figures: Figures.collect(area: code, months: months, cells: cells, processed: processed, groups: [],
                                             register: register, minutes: minutes, reference: reference),
                    ranks: [:])
        }
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
        for c in cells where area == nil || c.area == area {
            guard let i = index[c.month] else { continue }
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
