import RedactApply
import RedactLog

/// The redaction schedule `apply` writes beside each copy, with each category's default
/// justification from the reference data when the manifest carries none.
func scheduleWriter(reference options: ReferenceOptions) throws -> ScheduleWriter {
    let reference = try options.load()
    return ScheduleWriter { reference.defaultJustification(for: $0) }
}
