import Foundation
import RedactLog

extension QAReport {
    /// The log's record of this check: counts and digests, the checker, never any text. The
    /// document name is the redacted copy's file name (the log scans it before storing).
    public func logRecord(area: String, unit: String?, caseReference: String?, checker: String,
                          packVersion: String, toolVersion: String, checkedAt: Date = Date()) -> QACheckRecord {
        QACheckRecord(checkedAt: checkedAt, area: area, unit: unit, caseReference: caseReference, checker: checker,
                      documentName: (redactedPath as NSString).lastPathComponent, originalSHA256: originalSHA256,
                      redactedSHA256: redactedSHA256, result: result, spans: spans, findingsLeft: count(.findingLeft),
                      changedOutside: count(.changedOutside), spansNotRedacted: count(.spanNotRedacted),
                      manifestProblems: count(.manifest), packVersion: packVersion, toolVersion: toolVersion)
    }
}
