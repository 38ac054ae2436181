import RedactCore

/// Whether the bytes a manifest span points at in a redacted copy are really a mark of the
/// span's style (the QA second check's part (c)).
///
/// `label`, `block` and `mask` are pure functions of the category and the original value, so the
/// mark must equal what ``Replacer`` makes for them byte for byte. A `pseudonym` needs the key
/// to recompute, which a checker should not need, so it is checked by shape: `[PREFIX-` then six
/// letters of the pseudonym alphabet then `]`, with the category's prefix. A `keep` span (a
/// decision not to redact) must hold the original bytes unchanged.
public enum MarkCheck {
    public enum Verdict: String, Sendable, Equatable {
        /// The output is a mark of the stated style (or, for `keep`, the original bytes).
        case ok
        /// The output still holds the original value.
        case unchanged
        /// The output is neither the original nor a mark of the stated style.
        case notAMark = "not-a-mark"
        /// A kept span whose bytes differ from the original.
        case keptChanged = "kept-changed"
        /// The manifest names a style this version does not know.
        case unknownStyle = "unknown-style"
    }

    public static let keepStyle = "keep"

    public static func verify(style: String, category: String, original: [UInt8], output: [UInt8]) -> Verdict {
        if style == keepStyle { return output == original ? .ok : .keptChanged }
        guard let s = RedactionStyle(rawValue: style) else { return .unknownStyle }
        if output == original && !original.isEmpty { return .unchanged }
        let c = Category(category)
        switch s {
        case .label, .block, .mask:
            var expected: [UInt8] = []
            original.withUnsafeBufferPointer {
                Replacer(style: s).replacement(category: c, value: $0, canonical: nil, into: &expected)
            }
            return output == expected ? .ok : .notAMark
        case .pseudonym:
            return isPseudonym(output, category: c) ? .ok : .notAMark
        }
    }

    /// `[PREFIX-XXXXXX]` with the category's prefix and six letters of the pseudonym alphabet.
    static func isPseudonym(_ bytes: [UInt8], category: Category) -> Bool {
        let head = Array("[\(Replacer.pseudonymPrefix(category))-".utf8)
        guard bytes.count == head.count + 7, bytes.starts(with: head), bytes.last == UInt8(ascii: "]") else { return false }
        return bytes[head.count..<(bytes.count - 1)].allSatisfy(Replacer.pseudonymAlphabet.contains)
    }
}
