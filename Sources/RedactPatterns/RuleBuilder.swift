import Foundation
import RedactCore
import RedactPCRE2

/// Gives a `RuleDeclaration` its meaning: checks every key and value, expands `{{dict:NAME}}`,
/// compiles the pattern with PCRE2, and builds the `Rule`. Every error names the file, the line
/// of the offending key (or of the `[rule ID]` header for something missing) and the rule id.
struct RuleBuilder {
    let dictionaries: [String: Dictionary]

    /// Context window used when a rule gives words but no `context_window`/`deny_window`.
    static let defaultWindow = (before: 64, after: 64)
    /// Largest `max_length` the engine accepts (its windows and streaming carry rely on it).
    static let maxLengthLimit = 256
    static let repeatable: Set<String> = ["pattern", "example", "counter"]
    static let keys: Set<String> = [
        "category", "pattern", "caseless", "dictionary", "validator", "trigger", "max_length", "min_triggers", "trigger_reach", "letter_digit", "digit_run", "requires", "context",
        "context_window", "context_required", "deny", "deny_window", "priority", "example", "counter",
    ]

    func build(_ d: PackParser.RuleDeclaration) throws(PackError) -> Rule {
        func fail(_ kind: PackError.Kind, _ line: Int) -> PackError {
            PackError(kind, file: d.file, line: line, rule: d.id)
        }
        var seen: [String: Int] = [:]
        var category: Category?
        var patternLines: [String] = [], patternLine = 0
        var caseless = false
        var dictionary: (name: String, line: Int)?
        var validator: String?
        var trigger: Trigger?
        var maxLength: (value: Int, line: Int)?
        var minTriggers = 1
        var triggerReach: (value: TriggerReach, line: Int)?
        var letterDigit: (value: LetterDigit, line: Int)?
        var digitRun: (value: ClosedRange<Int>, line: Int)?
        var requires: (name: String, line: Int)?
        var contextWords: [String]?, contextWindow: (Int, Int)?, contextRequired: Bool?
        var contextWindowLine = 0, contextRequiredLine = 0
        var denyWords: [String]?, denyWindow: (Int, Int)?, denyWindowLine = 0
        var priority = 50
        var examples: [RuleExample] = []

        for e in d.entries {
            guard Self.keys.contains(e.key) else { throw fail(.unknownKey(e.key), e.line) }
            if !Self.repeatable.contains(e.key), seen[e.key] != nil { throw fail(.repeatedKey(e.key), e.line) }
            seen[e.key] = e.line
            let location = SourceLocation(file: d.file, line: e.line)
            switch e.key {
            case "category":
                let c = Category(e.value)
                guard Category.known.contains(c) else { throw fail(.unknownCategory(e.value), e.line) }
                category = c
            case "pattern":
                if patternLines.isEmpty { patternLine = e.line }
                patternLines.append(e.value)
            case "caseless":
                caseless = try boolean(e, fail)
            case "dictionary":
                guard dictionaries[e.value] != nil else { throw fail(.unknownDictionary(e.value), e.line) }
                dictionary = (e.value, e.line)
            case "validator":
                guard Validators.named(e.value) != nil else { throw fail(.unknownValidator(e.value), e.line) }
                validator = e.value
            case "trigger":
                trigger = try parseTrigger(e, fail)
            case "max_length":
                guard let n = Int(e.value), (1...Self.maxLengthLimit).contains(n) else {
                    throw fail(.badNumber(key: e.key, expected: "a whole number from 1 to \(Self.maxLengthLimit)"), e.line)
                }
                maxLength = (n, e.line)
            case "min_triggers":
                guard let n = Int(e.value), (1...Self.maxLengthLimit).contains(n) else {
                    throw fail(.badNumber(key: e.key, expected: "a whole number from 1 to \(Self.maxLengthLimit)"), e.line)
                }
                minTriggers = n
            case "trigger_reach":
                let (b, a) = try window(e, fail)
                guard b >= 1, a >= 1 else {
                    throw fail(.badNumber(key: e.key, expected: "two whole numbers of at least 1"), e.line)
                }
                triggerReach = (TriggerReach(before: b, after: a), e.line)
            case "letter_digit":
                let parts = e.value.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 2, parts[0] == "upper" || parts[0] == "any",
                      let gap = Int(parts[1]), (0...LetterDigit.maxGapLimit).contains(gap) else {
                    throw fail(.badNumber(key: e.key, expected: "upper or any, then a gap from 0 to \(LetterDigit.maxGapLimit)"), e.line)
                }
                letterDigit = (LetterDigit(upperOnly: parts[0] == "upper", maxGap: gap), e.line)
            case "digit_run":
                let parts = e.value.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]), lo >= 1, lo <= hi else {
                    throw fail(.badNumber(key: e.key, expected: "two whole numbers MIN MAX with 1 <= MIN <= MAX"), e.line)
                }
                digitRun = (lo...hi, e.line)
            case "requires":
                guard e.value.hasPrefix("dict:") else {
                    throw fail(.badNumber(key: e.key, expected: "dict:NAME"), e.line)
                }
                let name = String(e.value.dropFirst(5))
                guard dictionaries[name] != nil else { throw fail(.unknownDictionary(name), e.line) }
                requires = (name, e.line)
            case "context":
                contextWords = try words(e, fail)
            case "context_window":
                contextWindow = try window(e, fail)
                contextWindowLine = e.line
            case "context_required":
                contextRequired = try boolean(e, fail)
                contextRequiredLine = e.line
            case "deny":
                denyWords = try words(e, fail)
            case "deny_window":
                denyWindow = try window(e, fail)
                denyWindowLine = e.line
            case "priority":
                guard let n = Int(e.value), (0...1000).contains(n) else {
                    throw fail(.badNumber(key: e.key, expected: "a whole number from 0 to 1000"), e.line)
                }
                priority = n
            case "example":
                guard let (text, range) = PackParser.parseExample(PackParser.unescapeExample(e.value)) else {
                    throw fail(.unbalancedExampleMarkers, e.line)
                }
                examples.append(RuleExample(text: text, expected: range, location: location))
            case "counter":
                guard !PackParser.hasMarkers(e.value) else { throw fail(.markersInCounter, e.line) }
                examples.append(RuleExample(text: PackParser.unescapeExample(e.value), expected: nil, location: location))
            default:
                throw fail(.unknownKey(e.key), e.line)
            }
        }

        guard let category else { throw fail(.missingCategory, d.line) }
        if contextWords == nil {
            if contextWindow != nil { throw fail(.windowWithoutWords(key: "context_window"), contextWindowLine) }
            if contextRequired != nil { throw fail(.windowWithoutWords(key: "context_required"), contextRequiredLine) }
        }
        if denyWords == nil, denyWindow != nil { throw fail(.windowWithoutWords(key: "deny_window"), denyWindowLine) }

        let matcher: RuleMatcher
        let effectiveTrigger: Trigger
        let effectiveMaxLength: Int
        switch (patternLines.isEmpty, dictionary) {
        case (true, nil):
            throw fail(.missingMatcher, d.line)
        case (false, .some(let dict)):
            throw fail(.conflictingMatchers, dict.line)
        case (false, nil):
            let source = try expand(patternLines.joined(separator: "\n"), line: patternLine, fail)
            do {
                _ = try PCRE2Pattern(source, caseless: caseless)
            } catch let error as PCRE2Error {
                throw fail(.patternDoesNotCompile(message: error.message, offset: error.patternOffset), patternLine)
            } catch {
                throw fail(.patternDoesNotCompile(message: "\(error)", offset: 0), patternLine)
            }
            guard let trigger else { throw fail(.missingTrigger, d.line) }
            guard let maxLength else { throw fail(.missingMaxLength, d.line) }
            matcher = .pattern(source, caseless: caseless)
            effectiveTrigger = trigger
            effectiveMaxLength = maxLength.value
        case (true, .some(let dict)):
            let terms = dictionaries[dict.name]!.terms
            let longest = terms.map(\.utf8.count).max() ?? 1
            if let maxLength, maxLength.value < longest {
                throw fail(.badNumber(key: "max_length", expected: "at least \(longest), the longest term of `\(dict.name)`"), maxLength.line)
            }
            guard longest <= Self.maxLengthLimit else {
                throw fail(.badNumber(key: "max_length", expected: "dictionary terms of at most \(Self.maxLengthLimit) bytes"), dict.line)
            }
            matcher = .dictionary(dict.name)
            effectiveTrigger = trigger ?? .dictionary(dict.name)
            effectiveMaxLength = maxLength?.value ?? longest
        }

        let context = contextWords.map {
            let w = contextWindow ?? Self.defaultWindow
            return ContextSpec(words: $0, before: w.0, after: w.1, required: contextRequired ?? false)
        }
        let deny = denyWords.map {
            let w = denyWindow ?? Self.defaultWindow
            return ContextSpec(words: $0, before: w.0, after: w.1, required: false)
        }
        var rule = Rule(
            id: d.id, category: category, matcher: matcher, validator: validator, context: context,
            denyContext: deny, priority: priority, trigger: effectiveTrigger, maxLength: effectiveMaxLength,
            examples: examples, location: SourceLocation(file: d.file, line: d.line))
        rule.minTriggers = minTriggers
        if let letterDigit {
            // A caseless pattern matches lower-case letters too: `upper` would be a false promise.
            if letterDigit.value.upperOnly && caseless {
                throw fail(.badNumber(key: "letter_digit", expected: "any (the rule is caseless)"), letterDigit.line)
            }
            // The engine reads the pair off the runs of trigger digits, so every digit must be one.
            guard Self.holdsEveryDigit(rule.trigger) else {
                throw fail(.badNumber(key: "letter_digit", expected: Self.everyDigitTrigger), letterDigit.line)
            }
            rule.letterDigit = letterDigit.value
        }
        if let digitRun {
            // The engine reads the lengths off the runs of trigger digits, so every digit must be
            // one; and a run a match holds can be no longer than the match.
            guard Self.holdsEveryDigit(rule.trigger) else {
                throw fail(.badNumber(key: "digit_run", expected: Self.everyDigitTrigger), digitRun.line)
            }
            guard digitRun.value.upperBound <= effectiveMaxLength else {
                throw fail(.badNumber(key: "digit_run", expected: "values no larger than max_length (\(effectiveMaxLength))"), digitRun.line)
            }
            // `requires` drops a trigger run with no word near before it reaches a window, so the
            // window would not see every run of its matches.
            guard requires == nil else {
                throw fail(.badNumber(key: "digit_run", expected: "a rule without `requires`"), digitRun.line)
            }
            rule.digitRun = digitRun.value
        }
        if let requires {
            // The engine checks the word per run of trigger bytes, before a window opens.
            guard case .pattern = matcher, case .bytes = rule.trigger else {
                throw fail(.badNumber(key: "requires", expected: "a pattern rule with a byte trigger (digit, at, bytes:...)"), requires.line)
            }
            rule.requires = requires.name
        }
        if let triggerReach {
            guard triggerReach.value.before <= effectiveMaxLength, triggerReach.value.after <= effectiveMaxLength else {
                throw fail(.badNumber(key: "trigger_reach", expected: "values no larger than max_length (\(effectiveMaxLength))"), triggerReach.line)
            }
            rule.triggerReach = triggerReach.value
        }
        return rule
    }

    /// Whether `trigger` is a byte trigger that holds all ten digits: the promises read off
    /// runs of trigger digits (`letter_digit`, `digit_run`) need every digit to be one.
    private static func holdsEveryDigit(_ trigger: Trigger) -> Bool {
        guard case .bytes(let set) = trigger else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).allSatisfy(set.contains)
    }

    private static let everyDigitTrigger = "a rule whose trigger holds every digit (trigger = digit)"

    // MARK: - Values

    private func boolean(_ e: PackParser.Entry, _ fail: (PackError.Kind, Int) -> PackError) throws(PackError) -> Bool {
        switch e.value {
        case "true": return true
        case "false": return false
        default: throw fail(.badBoolean(key: e.key), e.line)
        }
    }

    private func words(_ e: PackParser.Entry, _ fail: (PackError.Kind, Int) -> PackError) throws(PackError) -> [String] {
        let list = e.value.split(separator: "|", omittingEmptySubsequences: false).map { PackParser.trim($0) }
        guard !list.contains(where: \.isEmpty) else { throw fail(.emptyWord(key: e.key), e.line) }
        return list
    }

    private func window(_ e: PackParser.Entry, _ fail: (PackError.Kind, Int) -> PackError) throws(PackError) -> (Int, Int) {
        let parts = e.value.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, let b = Int(parts[0]), let a = Int(parts[1]), b >= 0, a >= 0, b <= 4096, a <= 4096 else {
            throw fail(.badWindow(key: e.key), e.line)
        }
        return (b, a)
    }

    /// `digit | at | bytes:<chars> | literals: a | b | dict:NAME | always`.
    private func parseTrigger(_ e: PackParser.Entry, _ fail: (PackError.Kind, Int) -> PackError) throws(PackError) -> Trigger {
        let v = e.value
        if v == "digit" { return .bytes(.digits) }
        if v == "at" { return .bytes(ByteSet([UInt8(ascii: "@")])) }
        if v == "always" { return .always }
        if v.hasPrefix("bytes:") {
            let chars = Array(v.utf8.dropFirst(6))
            guard !chars.isEmpty else { throw fail(.badTrigger, e.line) }
            return .bytes(ByteSet(chars))
        }
        if v.hasPrefix("literals:") {
            let list = v.dropFirst(9).split(separator: "|", omittingEmptySubsequences: false).map { PackParser.trim($0) }
            guard !list.isEmpty, !list.contains(where: \.isEmpty) else { throw fail(.emptyWord(key: "trigger"), e.line) }
            return .literals(list)
        }
        if v.hasPrefix("dict:") {
            let name = PackParser.trim(v.dropFirst(5))
            guard dictionaries[name] != nil else { throw fail(.unknownDictionary(name), e.line) }
            return .dictionary(name)
        }
        throw fail(.badTrigger, e.line)
    }

    /// Replaces each `{{dict:NAME}}` by the dictionary's alternation.
    private func expand(_ pattern: String, line: Int, _ fail: (PackError.Kind, Int) -> PackError) throws(PackError) -> String {
        guard pattern.contains("{{") else { return pattern }
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstRange(of: "{{") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "}}") else { throw fail(.badPlaceholder, line) }
            let inner = PackParser.trim(after[..<close.lowerBound])
            guard inner.hasPrefix("dict:") else { throw fail(.badPlaceholder, line) }
            let name = PackParser.trim(inner.dropFirst(5))
            guard let dict = dictionaries[name] else { throw fail(.unknownDictionary(name), line) }
            out += DictionaryPattern.alternation(dict.terms)
            rest = after[close.upperBound...]
        }
        out += rest
        return out
    }
}
