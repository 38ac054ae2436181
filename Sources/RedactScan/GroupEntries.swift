import RedactPCRE2
import RedactPatterns

/// The rules of every trigger group, flattened into engine-owned storage that the scan loop
/// reads through raw pointers.
///
/// Why: a group held as a struct of arrays is copied at each call that takes it, and each copy
/// retains and releases three arrays; on dense text that reference counting cost more than the
/// window arithmetic around it. Entries are immutable after `init`, so sharing them between
/// threads is safe.
final class GroupEntries: @unchecked Sendable {
    /// One rule of one group and the promises that let a window skip it.
    struct Entry {
        var rule: Int32
        /// Fewest triggers a window must hold (1 for literal groups).
        var minTriggers: Int
        var letterDigit: LetterDigit?
        /// The digit-run lengths the rule promises (`Rule.digitRun`) as `ByteWindow.runLengths`
        /// bits; 0 for no promise.
        var runLengths: UInt64
        /// The rule's required-context group, or -1.
        var contextGroup: Int32
    }

    let entries: UnsafeMutableBufferPointer<Entry>
    /// Per group: its entries (byte groups first, then literal groups).
    let ranges: [Range<Int>]
    /// Per rule: its compiled pattern, unretained (the rule table owns it and outlives the
    /// engine's scans), so running a rule costs no reference counting.
    let patterns: UnsafeMutableBufferPointer<Unmanaged<PCRE2Pattern>?>
    /// The rule table's rules, by index, in storage of the engine's own: read in place, where
    /// an element of the table's array is copied out (and its references retained) per read.
    let rules: UnsafeMutableBufferPointer<CompiledRule>
    private let rulesCount: Int

    init(groups: [ScanEngine.Group], contextGroupOfRule: [Int32], table: RuleTable) {
        var flat: [Entry] = []
        var ranges: [Range<Int>] = []
        for group in groups {
            let first = flat.count
            for (k, rule) in group.rules.enumerated() {
                flat.append(Entry(rule: rule, minTriggers: group.minTriggers.isEmpty ? 1 : group.minTriggers[k],
                                  letterDigit: group.letterDigit[k],
                                  runLengths: group.digitRun.isEmpty ? 0 : ByteWindow.runLengthBits(group.digitRun[k]),
                                  contextGroup: contextGroupOfRule[Int(rule)]))
            }
            ranges.append(first..<flat.count)
        }
        entries = .allocate(capacity: max(flat.count, 1))
        _ = entries.initialize(from: flat)
        self.ranges = ranges
        patterns = .allocate(capacity: max(table.rules.count, 1))
        for (i, rule) in table.rules.enumerated() {
            (patterns.baseAddress! + i).initialize(to: rule.pattern.map { Unmanaged.passUnretained($0) })
        }
        rulesCount = table.rules.count
        rules = .allocate(capacity: max(table.rules.count, 1))
        _ = rules.initialize(from: table.rules)
    }

    deinit {
        entries.deallocate()
        patterns.deallocate()
        rules.baseAddress!.deinitialize(count: rulesCount)
        rules.deallocate()
    }
}
