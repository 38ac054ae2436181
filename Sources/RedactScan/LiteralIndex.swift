import RedactCore
import RedactPatterns

/// One literal occurrence reported by a literal matcher: which literal, and where it ends.
struct LiteralHit {
    var pattern: Int32
    var end: Int
}

/// Finds every occurrence (overlapping included) of a fixed set of literals, ASCII
/// case-insensitively. The automaton is the fast implementation; `NaiveLiteralMatcher` is the
/// obviously-correct one the differential test compares it with.
protocol LiteralMatcher: Sendable {
    /// Appends to `hits`, in order of end, every hit that can pass a word-boundary check: at
    /// least every occurrence at a word start (`AhoCorasick.scanWordStarts`).
    /// `workspace` is scratch space the matcher may use and keep (no allocation per call).
    func findAll(_ buffer: UnsafeBufferPointer<UInt8>, into hits: inout [LiteralHit], workspace: inout [Int])
}

/// Every literal the scanner looks for, deduplicated after ASCII case folding, with what each
/// occurrence means: a trigger for a group of pattern rules, a dictionary term that is itself
/// a finding, or a case-party name variant.
struct LiteralIndex: Sendable {
    enum Action: Sendable {
        case trigger(group: Int32)
        case term(rule: Int32)
        case party(party: Int32)
        /// A party's surname: a mention only after a title.
        case surname(party: Int32)
        /// A required context word of the rules in context group `group` (a prefilter only).
        case context(group: Int32)
        /// A term of required-word group `group`: every match of its rules holds one (`Rule.requires`).
        case required(group: Int32)
    }

    private(set) var literals: [[UInt8]] = []
    private(set) var actions: [[Action]] = []
    private var indexByFolded: [Key: Int] = [:]

    /// A folded literal as a dictionary key, hashed as one block of bytes: `[UInt8]`'s own
    /// hashing feeds the hasher one call per byte, which showed in the startup with the
    /// fifty thousand name variants of ten thousand parties.
    private struct Key: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
        static func == (a: Key, b: Key) -> Bool { a.bytes == b.bytes }
    }

    mutating func add(_ literal: [UInt8], _ action: Action) {
        guard !literal.isEmpty else { return }
        // Name variants come folded already; copy only when there is a capital to lower.
        let folded = literal.contains { ($0 &- 0x41) < 26 } ? literal.map(Decide.lowerASCII) : literal
        let key = Key(bytes: folded)
        if let i = indexByFolded[key] {
            actions[i].append(action)
        } else {
            indexByFolded[key] = literals.count
            literals.append(folded)
            actions.append([action])
        }
    }

    var isEmpty: Bool { literals.isEmpty }

    /// Room for `count` more literals (ten thousand party names make about fifty thousand):
    /// the index then grows without rehashing.
    mutating func reserveCapacity(more count: Int) {
        literals.reserveCapacity(literals.count + count)
        actions.reserveCapacity(actions.count + count)
        indexByFolded.reserveCapacity(indexByFolded.count + count)
    }
}

/// The reference literal matcher: compares every literal at every position. Slow and simple.
struct NaiveLiteralMatcher: LiteralMatcher {
    let literals: [[UInt8]]

    func findAll(_ buffer: UnsafeBufferPointer<UInt8>, into hits: inout [LiteralHit], workspace: inout [Int]) {
        let n = buffer.count
        for (id, lit) in literals.enumerated() where lit.count <= n {
            var i = 0
            while i + lit.count <= n {
                var j = 0
                while j < lit.count && Decide.lowerASCII(buffer[i + j]) == lit[j] { j += 1 }
                if j == lit.count { hits.append(LiteralHit(pattern: Int32(id), end: i + lit.count)) }
                i += 1
            }
        }
    }
}

/// Every literal's actions in one buffer, for the scan loop.
///
/// Why: `LiteralIndex.actions[i]` is an array per literal, and iterating one retained and
/// released it at every hit; on dense text (context words at almost every identifier) that
/// showed as 1 % of the scan. Immutable after `init`, so threads share it safely.
final class LiteralActions: @unchecked Sendable {
    private let actions: UnsafeMutableBufferPointer<LiteralIndex.Action>
    /// Literal `i`'s actions are `actions[offsets[i]..<offsets[i + 1]]`.
    private let offsets: UnsafeMutableBufferPointer<Int>

    init(_ index: LiteralIndex) {
        let flat = index.actions.flatMap { $0 }
        actions = .allocate(capacity: max(flat.count, 1))
        _ = actions.initialize(from: flat)
        offsets = .allocate(capacity: index.actions.count + 1)
        var at = 0
        for (i, list) in index.actions.enumerated() {
            offsets[i] = at
            at += list.count
        }
        offsets[index.actions.count] = at
    }

    deinit {
        actions.deallocate()  // Action is trivial: nothing to deinitialize
        offsets.deallocate()
    }

    /// The actions of literal `literal`.
    @inline(__always)
    func of(_ literal: Int32) -> UnsafeMutableBufferPointer<LiteralIndex.Action>.SubSequence {
        actions[offsets[Int(literal)]..<offsets[Int(literal) + 1]]
    }
}
