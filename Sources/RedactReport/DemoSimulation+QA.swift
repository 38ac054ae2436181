import Foundation
import RedactLog

extension Simulation {
    /// Share of disclosures a second checker samples.
    static let qaRate = 0.1

    /// Perhaps a QA second check of `disclosure` by another operator of the area, hours later.
    ///
    /// Its draws come from a stream of their own, keyed by the disclosure's id, so adding QA to
    /// the demo left every other draw (and so every earlier figure of a seeded demo) as it was.
    mutating func planQA(area: AreaState, operator op: Operator, disclosure: DisclosureEvent) {
        let key = withUnsafeBytes(of: disclosure.id.uuid) { raw in raw.reduce(UInt64(0)) { ($0 &* 0x100_0000_01B3) ^ UInt64($1) } }
        var rng = DemoRandom(seed: options.seed ^ key)
        guard rng.chance(Self.qaRate) else { return }
        let at = disclosure.disclosedAt.addingTimeInterval(Double(rng.int(60...2880)) * 60)
        let others = area.operators.filter { $0.id != op.id }
        let checker = others.isEmpty ? op : rng.element(others)
        let fails = rng.chance(min(0.5, 0.04 * area.quality * op.care))
        var record = QACheckRecord(
            checkedAt: at, area: area.code, unit: op.unit, caseReference: disclosure.context.caseReference,
            checker: checker.id, documentName: disclosure.documentName, originalSHA256: disclosure.originalSHA256,
            redactedSHA256: disclosure.redactedSHA256, disclosureEntry: disclosure.id, result: fails ? .fail : .pass,
            spans: disclosure.redactions.count, packVersion: Self.packVersion, toolVersion: Self.toolVersion)
        if fails {
            switch rng.int(0...3) {
            case 0, 1: record.findingsLeft = rng.int(1...3)
            case 2: record.spansNotRedacted = 1
            default: record.changedOutside = 1
            }
        }
        schedule(at, .qa(record))
    }
}
