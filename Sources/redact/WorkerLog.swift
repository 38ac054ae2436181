import ArgumentParser
import RedactLog
import RedactQueue

extension GateLogOptions {
    /// The worker's log writer, or nil without `--log`: the same checks and gate context as
    /// `recorder(packVersion:toolVersion:)`, but the log may be any `LogLocation` (a
    /// `postgres://` URL, the national log, as well as a file), since workers on many machines
    /// share one log.
    func jobLogger(packVersion: String, toolVersion: String) throws -> JobLogger? {
        guard let location = log.resolvedPath, let area, let operatorID else { return nil }
        let reference = try log.reference.load()
        _ = try LogFailure.map { try reference.validate(area, .areas) }
        if let source { _ = try LogFailure.map { try reference.validate(source, .sources) } }
        let store = try LogFailure.map { try LogLocation.open(location, reference: reference, redactor: RedactorHook.shared.redactor) }
        return JobLogger(gate: GateRecorder(store: store, context: GateContext(
            area: area, unit: unit, caseReference: caseReference, operatorID: operatorID, sourceOrganisation: source,
            stage: outgoing ? .nearMiss : .incomingFailureToRedact, packVersion: packVersion, toolVersion: toolVersion)))
    }
}
