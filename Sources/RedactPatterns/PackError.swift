/// Why a pattern pack was refused at load time.
///
/// Every error names the file and line it comes from and, when the line belongs to a rule, the
/// rule id, so `patterns check` and `--patterns DIR` can point the author at the spot. Messages
/// never quote example text or dictionary terms: a pack's examples may be close to real data.
public struct PackError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// A directory handed to the loader has no `pack.conf`.
        case missingPackConf
        /// `pack.conf` lacks `name` or `version`.
        case missingPackField(String)
        /// A file or directory could not be read (the system's reason).
        case unreadable(String)
        /// A pack holds no `*.rules` file.
        case noRulesFiles
        /// A line that is neither a comment, a `[rule ID]` header nor a `key = value` line.
        case malformedLine
        /// A `key = value` line before the first `[rule ID]`.
        case keyOutsideRule
        /// A rule id with characters outside `[A-Za-z0-9_.-]`, or empty.
        case badRuleID
        /// A key the format does not define.
        case unknownKey(String)
        /// A non-repeatable key given twice in one rule.
        case repeatedKey(String)
        /// A category not in the taxonomy (`Category.taxonomy`).
        case unknownCategory(String)
        /// A rule id already declared (in this or an earlier pack) at the given location.
        case duplicateRule(firstDeclared: SourceLocation)
        /// A dictionary name already declared by an earlier pack.
        case duplicateDictionary(String)
        /// A rule with neither `pattern` nor `dictionary`.
        case missingMatcher
        /// A rule with both `pattern` and `dictionary`.
        case conflictingMatchers
        /// A rule without `category`.
        case missingCategory
        /// A pattern rule without `trigger` (write `trigger = always` to run everywhere).
        case missingTrigger
        /// A pattern rule without `max_length`.
        case missingMaxLength
        /// A `validator` name not in `Validators`.
        case unknownValidator(String)
        /// A dictionary (in `dictionary`, `trigger = dict:` or `{{dict:}}`) that no pack provides.
        case unknownDictionary(String)
        /// A `{{...}}` placeholder that is not `{{dict:NAME}}`.
        case badPlaceholder
        /// A value that is not a number, or out of range (the key and the accepted range).
        case badNumber(key: String, expected: String)
        /// A value that is not `true` or `false`.
        case badBoolean(key: String)
        /// A `trigger` value the format does not define.
        case badTrigger
        /// A `*_window` value that is not two non-negative numbers.
        case badWindow(key: String)
        /// A `context`, `deny` or `literals:` list with an empty entry.
        case emptyWord(key: String)
        /// `context_window`/`context_required` without `context`, or `deny_window` without `deny`.
        case windowWithoutWords(key: String)
        /// PCRE2 refused the (dictionary-expanded) pattern.
        case patternDoesNotCompile(message: String, offset: Int)
        /// An `example` whose « and » markers are not exactly one opening then one closing mark.
        case unbalancedExampleMarkers
        /// A `counter` that carries « or » markers (a counter-example has no expected span).
        case markersInCounter
        /// A dictionary file with no terms.
        case emptyDictionary(String)
        /// A file that is not valid UTF-8.
        case invalidUTF8
    }

    public var kind: Kind
    /// Path of the file, as the loader saw it.
    public var file: String
    /// 1-based line number, or 0 when the error concerns the whole file.
    public var line: Int
    /// The rule the line belongs to, if any.
    public var rule: String?

    public init(_ kind: Kind, file: String, line: Int, rule: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.rule = rule
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line) }

    /// `file:line: rule ID: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        var s = line > 0 ? "\(file):\(line): " : "\(file): "
        if let rule { s += "rule \(rule): " }
        return s + message
    }

    /// The cause alone, without location.
    public var message: String {
        switch kind {
        case .missingPackConf: return "no pack.conf in this directory (a pack needs `name = ...` and `version = ...`)"
        case .missingPackField(let k): return "pack.conf has no `\(k) = ...` line"
        case .unreadable(let why): return "cannot read: \(why)"
        case .noRulesFiles: return "the pack has no *.rules file"
        case .malformedLine: return "expected `# comment`, `[rule ID]` or `key = value`"
        case .keyOutsideRule: return "`key = value` before the first `[rule ID]`"
        case .badRuleID: return "a rule id is made of letters, digits, `_`, `.` and `-`"
        case .unknownKey(let k): return "unknown key `\(k)`"
        case .repeatedKey(let k): return "key `\(k)` given twice (only `pattern`, `example` and `counter` repeat)"
        case .unknownCategory(let c): return "unknown category `\(c)` (not in the taxonomy)"
        case .duplicateRule(let first): return "duplicate rule id (first declared at \(first))"
        case .duplicateDictionary(let d): return "dictionary `\(d)` is provided by two packs"
        case .missingMatcher: return "the rule has neither `pattern` nor `dictionary`"
        case .conflictingMatchers: return "the rule has both `pattern` and `dictionary`"
        case .missingCategory: return "the rule has no `category`"
        case .missingTrigger: return "the rule has no `trigger` (write `trigger = always` if no byte or literal is certain)"
        case .missingMaxLength: return "the rule has no `max_length`"
        case .unknownValidator(let v): return "unknown validator `\(v)`"
        case .unknownDictionary(let d): return "unknown dictionary `\(d)` (no dictionaries/\(d).txt in any loaded pack)"
        case .badPlaceholder: return "a `{{` placeholder other than `{{dict:NAME}}`"
        case .badNumber(let k, let expected): return "`\(k)` needs \(expected)"
        case .badBoolean(let k): return "`\(k)` needs `true` or `false`"
        case .badTrigger:
            return "`trigger` needs `digit`, `at`, `bytes:<chars>`, `literals: a | b`, `dict:NAME` or `always`"
        case .badWindow(let k): return "`\(k)` needs two non-negative numbers: bytes before and bytes after"
        case .emptyWord(let k): return "`\(k)` has an empty entry between `|`"
        case .windowWithoutWords(let k): return "`\(k)` given without the words it applies to"
        case .patternDoesNotCompile(let m, let o): return "pattern does not compile: \(m) (at offset \(o) of the expanded pattern)"
        case .unbalancedExampleMarkers: return "example markers unbalanced (use exactly one « and one » after it, or none)"
        case .markersInCounter: return "a counter-example carries « » markers"
        case .emptyDictionary(let d): return "dictionary `\(d)` has no terms"
        case .invalidUTF8: return "the file is not valid UTF-8"
        }
    }
}
