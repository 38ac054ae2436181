import RedactCore

/// Where something was declared in a pack file, for error messages.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// What must appear inside every match of a rule, so the engine knows where PCRE2 needs to run.
///
/// A trigger is a promise made by the pack author: *every* match of the rule's pattern contains
/// at least one trigger occurrence. The engine runs the rule only in windows around trigger
/// occurrences; a trigger that breaks the promise makes the engine miss matches (the differential
/// test and `patterns check` catch that). `.always` makes no promise: the rule runs over all text.
public enum Trigger: Hashable, Sendable {
    /// Any byte of this set (`digit`, `at`, or explicit bytes in the pack file).
    case bytes(ByteSet)
    /// Any of these literals, ASCII case-insensitive, found by the automaton.
    case literals([String])
    /// Any term of the named dictionary, found by the automaton.
    case dictionary(String)
    /// No prefilter: the pattern runs over every byte.
    case always
}

/// A set of bytes, stored as a 256-bit bitmap.
public struct ByteSet: Hashable, Sendable {
    public var bits: (UInt64, UInt64, UInt64, UInt64)

    public init() { bits = (0, 0, 0, 0) }
    public init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        self.init()
        for b in bytes { insert(b) }
    }

    public static let digits = ByteSet(UInt8(ascii: "0")...UInt8(ascii: "9"))

    public mutating func insert(_ b: UInt8) {
        switch b >> 6 {
        case 0: bits.0 |= 1 << UInt64(b & 63)
        case 1: bits.1 |= 1 << UInt64(b & 63)
        case 2: bits.2 |= 1 << UInt64(b & 63)
        default: bits.3 |= 1 << UInt64(b & 63)
        }
    }
    @inline(__always) public func contains(_ b: UInt8) -> Bool {
        let word: UInt64
        switch b >> 6 {
        case 0: word = bits.0
        case 1: word = bits.1
        case 2: word = bits.2
        default: word = bits.3
        }
        return word & (1 << UInt64(b & 63)) != 0
    }
    public var isEmpty: Bool { bits == (0, 0, 0, 0) }
    public var members: [UInt8] { (0...255).map(UInt8.init).filter(contains) }
    public func union(_ other: ByteSet) -> ByteSet {
        var r = self
        r.bits = (bits.0 | other.bits.0, bits.1 | other.bits.1, bits.2 | other.bits.2, bits.3 | other.bits.3)
        return r
    }
    public static func == (a: ByteSet, b: ByteSet) -> Bool { a.bits == b.bits }
    public func hash(into h: inout Hasher) {
        h.combine(bits.0); h.combine(bits.1); h.combine(bits.2); h.combine(bits.3)
    }
}

/// Context words around a match: they raise confidence, and when `required` they are the only
/// way the rule fires (a bare nine-digit number is a passport number only near "passport").
public struct ContextSpec: Hashable, Sendable {
    /// Words or phrases, matched ASCII case-insensitively on word boundaries.
    public var words: [String]
    /// How many bytes before the match start, and after the match end, are searched.
    public var before: Int
    public var after: Int
    /// Whether the rule fires only when a context word is present.
    public var required: Bool

    public init(words: [String], before: Int, after: Int, required: Bool) {
        self.words = words
        self.before = before
        self.after = after
        self.required = required
    }
}

/// An example carried beside a rule. `text` is the whole example; `expected` is the byte range
/// of `text` the rule must report (for a positive example), or nil for a counter-example, in
/// which the rule must report nothing.
public struct RuleExample: Hashable, Sendable {
    public var text: String
    public var expected: Range<Int>?
    public var location: SourceLocation
    public init(text: String, expected: Range<Int>?, location: SourceLocation) {
        self.text = text
        self.expected = expected
        self.location = location
    }
}

/// How a rule finds its matches.
public enum RuleMatcher: Hashable, Sendable {
    /// A PCRE2 pattern (byte mode, never `PCRE2_UTF`), with `caseless` for `PCRE2_CASELESS`.
    case pattern(String, caseless: Bool)
    /// Every term of a dictionary is a match (word-bounded, ASCII case-insensitive).
    case dictionary(String)
}

/// See `Rule.triggerReach`.
public struct TriggerReach: Hashable, Sendable {
    public var before: Int
    public var after: Int
    public init(before: Int, after: Int) {
        self.before = before
        self.after = after
    }
}

/// See `Rule.letterDigit`.
public struct LetterDigit: Hashable, Sendable {
    /// Only `A`-`Z` count as letters (false: any ASCII letter).
    public var upperOnly: Bool
    /// Most bytes between the letter and the digit (0: side by side).
    public var maxGap: Int
    public static let maxGapLimit = 4
    public init(upperOnly: Bool, maxGap: Int) {
        self.upperOnly = upperOnly
        self.maxGap = maxGap
    }
}

/// One rule of a pattern pack.
public struct Rule: Hashable, Sendable {
    /// Stable id, e.g. `nino.standard`; unique across all loaded packs.
    public var id: String
    public var category: Category
    public var matcher: RuleMatcher
    /// Name of a validator in `Validators` (e.g. `nhs_mod11`), or nil.
    public var validator: String?
    public var context: ContextSpec?
    /// Words that, when found in the context window, veto the match (`section`, `ISBN`, `exhibit`).
    public var denyContext: ContextSpec?
    /// Higher wins an overlap when validation status and length are equal.
    public var priority: Int
    public var trigger: Trigger
    /// Longest match the rule can produce, in bytes. Bounds the engine's windows and streaming carry.
    public var maxLength: Int
    /// Fewest trigger occurrences every match contains (`min_triggers`; an NHS number holds ten
    /// digits). A promise like the trigger itself: windows with fewer never run the rule.
    public var minTriggers: Int = 1
    /// `trigger_reach = BEFORE AFTER`: every match holds a trigger that lies fewer than BEFORE
    /// bytes after the match start and at most AFTER bytes before its end (a house number opens
    /// an address). Nil means `maxLength` both ways. Tightens the windows PCRE2 runs in.
    public var triggerReach: TriggerReach? = nil
    /// `letter_digit = upper|any GAP`: every match holds an ASCII letter (upper case only, or
    /// any) and a digit at most GAP bytes apart (a postcode's `A1`, a NINO's `B 1`). A promise
    /// like `min_triggers`: windows without such a pair never run the rule, which spares the
    /// letter-and-digit rules the phone numbers, card numbers and dates of dense text.
    public var letterDigit: LetterDigit? = nil
    /// `digit_run = MIN MAX`: every match holds a run of MIN to MAX ASCII digits with no digit
    /// directly before or after it (a prison number's `1234`: `4 4`; a vehicle registration's
    /// one to three digits: `1 3`). A promise like `min_triggers`: windows whose digit runs all
    /// have other lengths never run the rule, which spares the short-number rules the phone,
    /// card and account numbers of dense text (and the reverse).
    public var digitRun: ClosedRange<Int>? = nil
    /// `requires = dict:NAME`: every match holds a term of dictionary NAME as a whole word (no
    /// ASCII letter or digit glued to either end; ASCII case-insensitive), such as the street
    /// type of an address. A promise like `min_triggers`: a trigger run with no such word within
    /// its reach never opens the rule's window, which spares the address rule most of the digits
    /// of dense text. Byte-triggered pattern rules only.
    public var requires: String? = nil
    public var examples: [RuleExample]
    public var location: SourceLocation

    public init(
        id: String, category: Category, matcher: RuleMatcher, validator: String? = nil,
        context: ContextSpec? = nil, denyContext: ContextSpec? = nil, priority: Int = 50,
        trigger: Trigger = .always, maxLength: Int = 64, examples: [RuleExample] = [],
        location: SourceLocation = SourceLocation(file: "<memory>", line: 0)
    ) {
        self.id = id
        self.category = category
        self.matcher = matcher
        self.validator = validator
        self.context = context
        self.denyContext = denyContext
        self.priority = priority
        self.trigger = trigger
        self.maxLength = maxLength
        self.examples = examples
        self.location = location
    }
}

/// A dictionary: plain text, one term per line.
public struct Dictionary: Hashable, Sendable {
    public var name: String
    public var terms: [String]
    public var location: SourceLocation
    public init(name: String, terms: [String], location: SourceLocation) {
        self.name = name
        self.terms = terms
        self.location = location
    }
}

/// One pack directory that went into a `PatternPack`, as its `pack.conf` names it.
public struct PackSource: Hashable, Sendable {
    public var name: String
    public var version: String
    /// The directory, as the loader was given it.
    public var directory: String
    public init(name: String, version: String, directory: String) {
        self.name = name
        self.version = version
        self.directory = directory
    }
}

/// Everything loaded from one or more pack directories.
public struct PatternPack: Sendable {
    /// The pack's name; packs loaded together are joined with `+` (`uk+local`).
    public var name: String
    /// The pack's version; versions of packs loaded together are joined with `+`.
    public var version: String
    public var rules: [Rule]
    public var dictionaries: [String: Dictionary]
    /// Each pack directory loaded, in load order.
    public var sources: [PackSource]
    public init(
        name: String, version: String, rules: [Rule], dictionaries: [String: Dictionary], sources: [PackSource] = []
    ) {
        self.name = name
        self.version = version
        self.rules = rules
        self.dictionaries = dictionaries
        self.sources = sources
    }
}
