import RedactCore
import RedactPCRE2
import RedactPatterns

/// Checks a candidate's bytes (a check digit, a structure rule). Must not allocate.
public typealias ValidateFunction = @Sendable (UnsafeBufferPointer<UInt8>) -> Bool

/// Context words compiled to lower-case bytes.
struct CompiledContext: Sendable {
    /// Sorted by first byte, so the words a position can start are one slice (`wordStarts`).
    var words: [[UInt8]]
    /// The words starting with byte `b` are `words[wordStarts[b]..<wordStarts[b + 1]]` (257
    /// entries): a position tries only those, not every word (deny lists hold two dozen).
    var wordStarts: [Int32]
    var before: Int
    var after: Int
    var required: Bool

    init(_ spec: ContextSpec) {
        words = spec.words.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
            .enumerated().sorted { ($0.element[0], $0.offset) < ($1.element[0], $1.offset) }.map(\.element)
        var starts = [Int32](repeating: 0, count: 257)
        for w in words { starts[Int(w[0]) + 1] += 1 }
        for b in 0..<256 { starts[b + 1] += starts[b] }
        wordStarts = starts
        before = spec.before
        after = spec.after
        required = spec.required
    }
}

/// One rule, compiled: what the hot path needs, and nothing it has to look up.
public struct CompiledRule: Sendable {
    public let id: String
    public let category: Category
    public let priority: Int
    public let maxLength: Int
    public let hasValidator: Bool
    let pattern: PCRE2Pattern?
    let validator: ValidateFunction?
    let context: CompiledContext?
    let deny: CompiledContext?
    /// Party-list names count as confirmed, like a passed check digit.
    let confirmed: Bool

    /// Whether the rule fires only with a context word near (read without copying the words).
    var requiresContext: Bool { context?.required == true }
}

/// The rules of the loaded packs plus the synthetic party-name rule, by index.
///
/// Findings carry an index into this table (`Finding.rule`) rather than a string, so the scan
/// path copies integers, not reference-counted strings.
public struct RuleTable: Sendable {
    public let rules: [CompiledRule]
    /// Index of the `person_name.party` rule (party-list mentions).
    public let partyRule: Int32
    /// The party list the table was built with (roles, for profiles).
    public let parties: PartyList
    /// Pack name and version, for manifests and the log.
    public let packName: String
    public let packVersion: String

    public subscript(index: Int32) -> CompiledRule { rules[Int(index)] }

    public init(pack: PatternPack, parties: PartyList = PartyList(), validators: (String) -> ValidateFunction?) throws {
        var compiled: [CompiledRule] = []
        for rule in pack.rules {
            var pattern: PCRE2Pattern? = nil
            if case .pattern(let source, let caseless) = rule.matcher {
                do {
                    pattern = try PCRE2Pattern(source, caseless: caseless)
                } catch let error as PCRE2Error {
                    throw ScanError(.invalidPack, path: rule.location.description,
                                    detail: "rule \(rule.id): pattern does not compile: \(error)")
                }
            }
            var validator: ValidateFunction? = nil
            if let name = rule.validator {
                guard let v = validators(name) else {
                    throw ScanError(.invalidPack, path: rule.location.description, detail: "rule \(rule.id): unknown validator \(name)")
                }
                validator = v
            }
            compiled.append(CompiledRule(
                id: rule.id, category: rule.category, priority: rule.priority, maxLength: rule.maxLength,
                hasValidator: validator != nil, pattern: pattern, validator: validator,
                context: rule.context.map(CompiledContext.init), deny: rule.denyContext.map(CompiledContext.init),
                confirmed: false))
        }
        partyRule = Int32(compiled.count)
        compiled.append(CompiledRule(
            id: "person_name.party", category: .personName, priority: 90,
            maxLength: parties.parties.map { $0.name.utf8.count * 2 + 16 }.max() ?? 64,
            hasValidator: false, pattern: nil, validator: nil, context: nil, deny: nil, confirmed: true))
        self.rules = compiled
        self.parties = parties
        self.packName = pack.name
        self.packVersion = pack.version
    }

    private init(rules: [CompiledRule], partyRule: Int32, parties: PartyList, packName: String, packVersion: String) {
        self.rules = rules
        self.partyRule = partyRule
        self.parties = parties
        self.packName = packName
        self.packVersion = packVersion
    }

    /// The same compiled rules (no PCRE2 recompilation) with another party list.
    public func with(parties: PartyList) -> RuleTable {
        var rules = self.rules
        let old = rules[Int(partyRule)]
        rules[Int(partyRule)] = CompiledRule(
            id: old.id, category: old.category, priority: old.priority,
            maxLength: parties.parties.map { $0.name.utf8.count * 2 + 16 }.max() ?? 64,
            hasValidator: false, pattern: nil, validator: nil, context: nil, deny: nil, confirmed: true)
        return RuleTable(rules: rules, partyRule: partyRule, parties: parties, packName: packName, packVersion: packVersion)
    }
}
