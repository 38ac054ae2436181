import Foundation
import RedactCore
import RedactPatterns
import Testing

/// The loader refuses each kind of malformed pack, naming the file, the line and the rule.
@Suite struct PackLoaderErrorTests {
    /// A valid rule body to start bad rules from (lines 2-5 after the header).
    static let body = "category = nino\npattern = \\d{3}\ntrigger = digit\nmax_length = 3\n"

    /// Loads a one-file pack and returns the error it must raise.
    func loadError(_ rules: String, dictionaries: [String: String] = [:], file: String = "bad.rules") throws -> PackError {
        let pack = try TempPack(rules: [file: rules], dictionaries: dictionaries)
        do {
            _ = try PackLoader.load(directories: [pack.url])
        } catch {
            #expect(error.file == pack.path(file), "error names \(error.file)")
            return error
        }
        Issue.record("pack loaded but should have been refused")
        return PackError(.malformedLine, file: "", line: -1)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var rules: String
        var kind: PackError.Kind
        var line: Int
        var rule: String?
        var testDescription: String { name }
    }

    static let cases: [Bad] = [
        Bad(name: "unknown key", rules: "[rule a.b]\n" + body + "colour = red\n", kind: .unknownKey("colour"), line: 6, rule: "a.b"),
        Bad(name: "unknown category", rules: "[rule a.b]\ncategory = shoe_size\n", kind: .unknownCategory("shoe_size"), line: 2, rule: "a.b"),
        Bad(name: "duplicate rule id", rules: "[rule a.b]\n" + body + "\n[rule a.b]\n" + body,
            kind: .duplicateRule(firstDeclared: SourceLocation(file: "", line: 1)), line: 7, rule: "a.b"),
        Bad(name: "missing pattern or dictionary", rules: "# c\n[rule a.b]\ncategory = nino\ntrigger = digit\nmax_length = 3\n",
            kind: .missingMatcher, line: 2, rule: "a.b"),
        Bad(name: "missing category", rules: "[rule a.b]\npattern = x\ntrigger = digit\nmax_length = 3\n", kind: .missingCategory, line: 1, rule: "a.b"),
        Bad(name: "unknown validator", rules: "[rule a.b]\n" + body + "validator = crc32\n", kind: .unknownValidator("crc32"), line: 6, rule: "a.b"),
        Bad(name: "unknown dictionary rule", rules: "[rule a.b]\ncategory = address\ndictionary = nowhere\n",
            kind: .unknownDictionary("nowhere"), line: 3, rule: "a.b"),
        Bad(name: "unknown dictionary placeholder", rules: "[rule a.b]\ncategory = address\ntrigger = digit\nmax_length = 9\npattern = \\d {{dict:nowhere}}\n",
            kind: .unknownDictionary("nowhere"), line: 5, rule: "a.b"),
        Bad(name: "unknown dictionary trigger", rules: "[rule a.b]\ncategory = address\npattern = x\ntrigger = dict:nowhere\n",
            kind: .unknownDictionary("nowhere"), line: 4, rule: "a.b"),
        Bad(name: "bad placeholder", rules: "[rule a.b]\ncategory = address\ntrigger = digit\nmax_length = 9\npattern = \\d {{list:x}}\n",
            kind: .badPlaceholder, line: 5, rule: "a.b"),
        Bad(name: "max_length not a number", rules: "[rule a.b]\ncategory = nino\nmax_length = ten\n",
            kind: .badNumber(key: "max_length", expected: "a whole number from 1 to 256"), line: 3, rule: "a.b"),
        Bad(name: "max_length too big", rules: "[rule a.b]\ncategory = nino\nmax_length = 300\n",
            kind: .badNumber(key: "max_length", expected: "a whole number from 1 to 256"), line: 3, rule: "a.b"),
        Bad(name: "priority not a number", rules: "[rule a.b]\npriority = high\n",
            kind: .badNumber(key: "priority", expected: "a whole number from 0 to 1000"), line: 2, rule: "a.b"),
        Bad(name: "unbalanced markers: open only", rules: "[rule a.b]\n" + body + "example = «123\n", kind: .unbalancedExampleMarkers, line: 6, rule: "a.b"),
        Bad(name: "unbalanced markers: close first", rules: "[rule a.b]\n" + body + "example = 1»23«\n", kind: .unbalancedExampleMarkers, line: 6, rule: "a.b"),
        Bad(name: "unbalanced markers: two spans", rules: "[rule a.b]\n" + body + "example = «1» «2»\n", kind: .unbalancedExampleMarkers, line: 6, rule: "a.b"),
        Bad(name: "empty marked span", rules: "[rule a.b]\n" + body + "example = a «» b\n", kind: .unbalancedExampleMarkers, line: 6, rule: "a.b"),
        Bad(name: "markers in counter", rules: "[rule a.b]\n" + body + "counter = «123»\n", kind: .markersInCounter, line: 6, rule: "a.b"),
        Bad(name: "key outside rule", rules: "# header\ncategory = nino\n", kind: .keyOutsideRule, line: 2, rule: nil),
        Bad(name: "malformed line", rules: "[rule a.b]\n" + body + "this is not a key\n", kind: .malformedLine, line: 6, rule: "a.b"),
        Bad(name: "malformed header", rules: "[rules a.b]\n", kind: .malformedLine, line: 1, rule: nil),
        Bad(name: "empty rule id", rules: "[rule ]\n", kind: .badRuleID, line: 1, rule: nil),
        Bad(name: "bad rule id", rules: "[rule a b]\n", kind: .badRuleID, line: 1, rule: "a b"),
        Bad(name: "missing trigger", rules: "[rule a.b]\ncategory = nino\npattern = \\d\nmax_length = 1\n", kind: .missingTrigger, line: 1, rule: "a.b"),
        Bad(name: "missing max_length", rules: "[rule a.b]\ncategory = nino\npattern = \\d\ntrigger = digit\n", kind: .missingMaxLength, line: 1, rule: "a.b"),
        Bad(name: "bad trigger", rules: "[rule a.b]\ncategory = nino\ntrigger = letters\n", kind: .badTrigger, line: 3, rule: "a.b"),
        Bad(name: "empty literal", rules: "[rule a.b]\ncategory = nino\ntrigger = literals: mr | | dr\n", kind: .emptyWord(key: "trigger"), line: 3, rule: "a.b"),
        Bad(name: "bad boolean", rules: "[rule a.b]\ncaseless = yes\n", kind: .badBoolean(key: "caseless"), line: 2, rule: "a.b"),
        Bad(name: "bad window", rules: "[rule a.b]\ncontext_window = 10\n", kind: .badWindow(key: "context_window"), line: 2, rule: "a.b"),
        Bad(name: "negative window", rules: "[rule a.b]\ndeny_window = -1 4\n", kind: .badWindow(key: "deny_window"), line: 2, rule: "a.b"),
        Bad(name: "window without words", rules: "[rule a.b]\n" + body + "context_window = 10 10\n",
            kind: .windowWithoutWords(key: "context_window"), line: 6, rule: "a.b"),
        Bad(name: "empty context word", rules: "[rule a.b]\ncontext = a || b\n", kind: .emptyWord(key: "context"), line: 2, rule: "a.b"),
        Bad(name: "repeated key", rules: "[rule a.b]\n" + body + "category = crn\n", kind: .repeatedKey("category"), line: 6, rule: "a.b"),
        Bad(name: "both pattern and dictionary", rules: "[rule a.b]\n" + body + "dictionary = d\n", kind: .conflictingMatchers, line: 6, rule: "a.b"),
    ]

    @Test(arguments: cases)
    func refused(_ c: Bad) throws {
        let error = try loadError(c.rules, dictionaries: ["d": "term\n"])
        if case .duplicateRule(let first) = c.kind {
            guard case .duplicateRule(let got) = error.kind else { Issue.record("got \(error)"); return }
            #expect(got.line == first.line)
        } else {
            #expect(error.kind == c.kind, "got \(error)")
        }
        #expect(error.line == c.line, "got \(error)")
        #expect(error.rule == c.rule, "got \(error)")
        #expect(error.description.hasPrefix("\(error.file):\(c.line): "))
        if let rule = c.rule { #expect(error.description.contains("rule \(rule): ")) }
    }

    @Test func patternThatPCRE2RefusesNamesPCRE2sMessageAndOffset() throws {
        let error = try loadError("[rule a.b]\ncategory = nino\ntrigger = digit\nmax_length = 3\npattern = (?x)\npattern = (abc\n")
        guard case .patternDoesNotCompile(let message, let offset) = error.kind else {
            Issue.record("got \(error)")
            return
        }
        #expect(message.contains("parenthesis"))
        #expect(offset == 9)
        #expect(error.line == 5)
        #expect(error.rule == "a.b")
        #expect(error.description.contains("pattern does not compile"))
    }

    @Test func errorsNeverQuoteExampleText() throws {
        let error = try loadError("[rule a.b]\n" + Self.body + "example = secret «value\n")
        #expect(!error.description.contains("secret"))
        #expect(!error.description.contains("value"))
    }

    @Test func unknownCategoryOnACRLFFile() throws {
        let error = try loadError("[rule a.b]\r\ncategory = nope\r\n")
        #expect(error.kind == .unknownCategory("nope"))
        #expect(error.line == 2)
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let pack = try TempPack(rules: [:])
        try Data([0xEF, 0xBB, 0xBF] + Array(("[rule a]\n" + Self.body).utf8)).write(to: pack.url.appendingPathComponent("x.rules"))
        #expect(try PackLoader.load(directories: [pack.url]).rules.map(\.id) == ["a"])
    }

    @Test func invalidUTF8IsRefused() throws {
        let pack = try TempPack(rules: [:])
        try Data([0x5B, 0xFF, 0xFE, 0x0A]).write(to: pack.url.appendingPathComponent("x.rules"))
        #expect(throws: PackError(.invalidUTF8, file: pack.path("x.rules"), line: 0)) {
            try PackLoader.load(directories: [pack.url])
        }
    }

    @Test func missingPackConf() throws {
        let pack = try TempPack(conf: nil, rules: ["a.rules": "[rule a]\n" + Self.body])
        #expect(throws: PackError(.missingPackConf, file: pack.url.path, line: 0)) {
            try PackLoader.load(directories: [pack.url])
        }
    }

    @Test func packConfNeedsVersionAndKnownKeys() throws {
        let noVersion = try TempPack(conf: "name = x\n", rules: ["a.rules": "[rule a]\n" + Self.body])
        #expect(throws: PackError(.missingPackField("version"), file: noVersion.path("pack.conf"), line: 0)) {
            try PackLoader.load(directories: [noVersion.url])
        }
        let unknown = try TempPack(conf: "name = x\nversion = 1\nauthor = me\n", rules: ["a.rules": "[rule a]\n" + Self.body])
        #expect(throws: PackError(.unknownKey("author"), file: unknown.path("pack.conf"), line: 3)) {
            try PackLoader.load(directories: [unknown.url])
        }
    }

    @Test func packWithoutRulesFiles() throws {
        let pack = try TempPack(rules: [:])
        #expect(throws: PackError(.noRulesFiles, file: pack.url.path, line: 0)) {
            try PackLoader.load(directories: [pack.url])
        }
    }

    @Test func emptyDictionary() throws {
        let pack = try TempPack(rules: ["a.rules": "[rule a]\n" + Self.body], dictionaries: ["empty": "# nothing\n\n"])
        #expect(throws: PackError(.emptyDictionary("empty"), file: pack.path("dictionaries/empty.txt"), line: 0)) {
            try PackLoader.load(directories: [pack.url])
        }
    }

    @Test func duplicateRuleAcrossPacksNamesTheSecond() throws {
        let a = try TempPack(conf: "name = a\nversion = 1\n", rules: ["a.rules": "[rule same]\n" + Self.body])
        let b = try TempPack(conf: "name = b\nversion = 1\n", rules: ["b.rules": "\n[rule same]\n" + Self.body])
        do {
            _ = try PackLoader.load(directories: [a.url, b.url])
            Issue.record("loaded")
        } catch {
            #expect(error.kind == .duplicateRule(firstDeclared: SourceLocation(file: a.path("a.rules"), line: 1)))
            #expect(error.file == b.path("b.rules"))
            #expect(error.line == 2)
            #expect(error.rule == "same")
        }
    }
}
