import RedactPatterns

/// Why a rule fires, in words for the reviewer: its check, its context words, its dictionary.
/// Built once from the loaded pack; says nothing about any document.
public struct RuleReasons: Sendable {
    private var byRule: [String: String] = [:]

    public init(pack: PatternPack) {
        for rule in pack.rules { byRule[rule.id] = Self.describe(rule) }
    }

    public func reason(rule: String, role: String?) -> String {
        if let role, role != "unspecified" { return "Named in the case parties list (\(role))" }
        if role != nil { return "Named in the case parties list" }
        if rule.hasSuffix(".party") { return "Named in the case parties list" }
        return byRule[rule] ?? "Pattern match"
    }

    /// Whether the pack has this rule (a format's own rules, such as a DOCX property, are not).
    public func knows(rule: String) -> Bool { byRule[rule] != nil }

    static func describe(_ rule: Rule) -> String {
        var parts: [String] = []
        switch rule.matcher {
        case .dictionary(let name): parts.append("Dictionary term (\(name))")
        case .pattern: parts.append("Pattern match")
        }
        if let v = rule.validator { parts.append("validator \(v) passed") }
        if let c = rule.context {
            let words = c.words.prefix(4).joined(separator: ", ") + (c.words.count > 4 ? ", …" : "")
            parts.append(c.required ? "context word required nearby (\(words))" : "context words raise confidence (\(words))")
        }
        return parts.joined(separator: "; ")
    }
}
