import Foundation
import Testing
@testable import RedactContainers

/// Writes the DOCX fixtures, original and redacted, for `scripts/docx-roundtrip.sh` to open in
/// LibreOffice; does nothing unless `REDACT_DOCX_SAMPLES` names a folder.
@Suite struct RoundTripSamples {
    @Test func writeSamples() throws {
        guard let dir = ProcessInfo.processInfo.environment["REDACT_DOCX_SAMPLES"] else { return }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let env = testEnvironment()
        var members = DocxFixture.members
        members.append(("word/embeddings/inner.docx", try DocxFixture.bytes()))
        let samples: [(String, [UInt8])] = [("original", try DocxFixture.bytes()), ("original-embedding", try makeZip(members))]
        for (name, bytes) in samples {
            try Data(bytes).write(to: URL(fileURLWithPath: "\(dir)/\(name).docx"))
            let redacted = try DocxFormat().redact(bytes, path: "\(name).docx", in: env)
            try Data(redacted.bytes).write(to: URL(fileURLWithPath: "\(dir)/redacted-\(name).docx"))
        }
    }
}
