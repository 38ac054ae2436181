#if canImport(Glibc)
import Glibc
#endif
import RedactApply

/// Findings the redaction itself made possible, which check (a) does not count.
///
/// Some rules need context nearby (an account number needs "account" within 48 bytes). A label
/// shorter than the value it replaces moves the text around it closer together, so the scanner
/// can find in the copy what is not personal data in the original: in a corpus case note,
/// `27.10.2020 … account no. [BANK ACCOUNT]) to IBAN [IBAN].` brings "account" close enough to a
/// later `2025 1154 hrs` for it to look like an account number.
///
/// A finding that lies wholly between spans, whose bytes are the original's bytes at the same
/// place (the gap maps one to one), and where the same scanner finds nothing in the original,
/// is such an artefact: it is reported as shifted context, not as personal data left. Anything
/// the scanner does find in the original there still counts (apply missed it, or ran with
/// other options), and so does a finding whose bytes differ from the original (check (b) fails
/// for those bytes too).
struct ShiftedContext {
    /// Between-span stretches: output range and the original offset it starts at.
    let gaps: [(output: Range<Int>, original: Int)]
    /// The scanner's findings in the original, in order.
    let originalFindings: [Range<Int>]
    /// The original, for reading the bytes at a mapped place.
    let originalFD: Int32

    init(manifest: Manifest, consistent: Bool, originalFindings: [Range<Int>], originalFD: Int32) {
        var gaps: [(output: Range<Int>, original: Int)] = []
        if consistent {
            var o = 0, r = 0
            for e in manifest.redactions {
                gaps.append((r..<e.output.start, o))
                o = e.original.end
                r = e.output.end
            }
            gaps.append((r..<Int.max, o))
        }
        self.gaps = gaps
        self.originalFindings = originalFindings
        self.originalFD = originalFD
    }

    /// Whether the copy's finding at `start` with these bytes is an artefact of moved context.
    func isArtefact(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> Bool {
        let end = start + bytes.count
        // The gap holding the finding wholly (binary search on the gaps' starts).
        var lo = 0, hi = gaps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if gaps[mid].output.lowerBound <= start { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return false }
        let gap = gaps[lo - 1]
        guard gap.output.contains(start), end <= gap.output.upperBound else { return false }
        let mapped = gap.original + (start - gap.output.lowerBound)
        // Found in the original at that place: personal data, not an artefact.
        if overlapsOriginalFinding(mapped..<(mapped + bytes.count)) { return false }
        var original = [UInt8](repeating: 0, count: bytes.count)
        let n = original.withUnsafeMutableBytes { pread(originalFD, $0.baseAddress!, bytes.count, off_t(mapped)) }
        return n == bytes.count && original.elementsEqual(bytes)
    }

    private func overlapsOriginalFinding(_ r: Range<Int>) -> Bool {
        var lo = 0, hi = originalFindings.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if originalFindings[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < originalFindings.count && originalFindings[lo].lowerBound < r.upperBound
    }
}
