import Foundation
@testable import RedactLog

/// A test's log is used as the store it wraps: every call goes to ``TestLog/store``, and the
/// value keeps the file or database alive for as long as the test holds it (a bare store kept
/// while its ``TestLog`` was released would lose its database under it).
extension TestLog: LogStore {
    var logID: String { store.logID }
    var reference: Reference { store.reference }

    @discardableResult
    func recordDisclosure(_ event: DisclosureEvent) throws -> EntryReceipt { try store.recordDisclosure(event) }
    @discardableResult
    func recordGateFinding(_ finding: GateFinding) throws -> EntryReceipt { try store.recordGateFinding(finding) }
    @discardableResult
    func recordBreach(_ record: BreachRecord) throws -> EntryReceipt { try store.recordBreach(record) }
    @discardableResult
    func updateBreach(id: UUID, recordedBy: String, _ change: (inout BreachRecord) throws -> Void) throws -> EntryReceipt {
        try store.updateBreach(id: id, recordedBy: recordedBy, change)
    }
    func breachHistory(id: UUID) throws -> [BreachRecord] { try store.breachHistory(id: id) }
    func breaches(_ filter: BreachFilter) throws -> [BreachRecord] { try store.breaches(filter) }
    func overdueBreaches(warningHours: Double) throws -> [OverdueBreach] { try store.overdueBreaches(warningHours: warningHours) }
    func checkpoint() throws -> Checkpoint { try store.checkpoint() }
    func verify(against checkpoint: Checkpoint? = nil) throws -> VerifyReport { try store.verify(against: checkpoint) }
    @discardableResult
    func export(format: ExportFormat, filter: ExportFilter, to output: any LogOutput) throws -> ExportSummary {
        try store.export(format: format, filter: filter, to: output)
    }
    @discardableResult
    func importExport(_ input: any LogInput) throws -> ImportSummary { try store.importExport(input) }

    @discardableResult
    func recordQACheck(_ record: QACheckRecord) throws -> EntryReceipt { try store.recordQACheck(record) }
    func qaChecks(area: String? = nil, since: Date? = nil, until: Date? = nil) throws -> [QACheckRecord] {
        try store.qaChecks(area: area, since: since, until: until)
    }
    func disclosures(area: String, since: Date, until: Date) throws -> [DisclosureSummary] {
        try store.disclosures(area: area, since: since, until: until)
    }

    @discardableResult
    func createAccessToken(name: String, role: String, area: String?, sha256: String) throws -> AccessToken {
        try store.createAccessToken(name: name, role: role, area: area, sha256: sha256)
    }
    func accessToken(sha256: String) throws -> AccessToken? { try store.accessToken(sha256: sha256) }
    func accessToken(id: String) throws -> AccessToken? { try store.accessToken(id: id) }
    func accessTokens() throws -> [AccessToken] { try store.accessTokens() }
    @discardableResult
    func revokeAccessToken(_ idOrName: String) throws -> AccessToken { try store.revokeAccessToken(idOrName) }
}
