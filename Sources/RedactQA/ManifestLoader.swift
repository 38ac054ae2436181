import Foundation
import RedactApply

/// Reads a manifest for the QA check. A file that is not a manifest is an error (exit 2); a
/// manifest whose spans cannot describe any file (out of order, overlapping, gaps of different
/// lengths on the two sides) is a problem of the output it came with (the check fails).
enum ManifestLoader {
    static func load(_ path: String) throws(QAError) -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw QAError(.unreadable, path: path, detail: "cannot read the manifest")
        }
        do {
            return try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            // The decoder's message can quote the file; say only what kind of problem it is.
            throw QAError(.badManifest, path: path, detail: "not a redact manifest (unreadable JSON or missing fields)")
        }
    }

    /// The first inconsistency of the spans, or nil: each span within bounds, both sides in
    /// ascending order without overlap, and every stretch between spans of the same length on
    /// both sides (the bytes between spans are copied as they are).
    static func inconsistency(_ m: Manifest) -> (span: Int, detail: String)? {
        var prevOriginal = 0, prevOutput = 0
        for (i, e) in m.redactions.enumerated() {
            let o = e.original, r = e.output
            if o.start < 0 || o.end < o.start || r.start < 0 || r.end < r.start { return (i, "span-negative") }
            if o.start < prevOriginal || r.start < prevOutput { return (i, "spans-out-of-order") }
            if o.start - prevOriginal != r.start - prevOutput { return (i, "spans-misaligned") }
            prevOriginal = o.end
            prevOutput = r.end
        }
        return nil
    }
}
