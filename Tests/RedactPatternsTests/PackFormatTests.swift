import Foundation
import RedactCore
import RedactPatterns
import Testing

/// The pack of one rules file, `rules`, and `dictionaries`, loaded from a temporary directory.
func loadTempPack(_ rules: String, dictionaries: [String: String] = [:]) throws -> PatternPack {
    let pack = try TempPack(rules: ["t.rules": rules], dictionaries: dictionaries)
    return try PackLoader.load(directories: [pack.url])
}

/// What a well-formed pack loads into.
@Suite struct PackFormatTests {
    func load(_ rules: String, dictionaries: [String: String] = [:]) throws -> PatternPack {
        try loadTempPack(rules, dictionaries: dictionaries)
    }

    @Test func everyKeyIsRead() throws {
        let pack = try load("""
            # A comment, then a blank line.

            [rule t.full]
            category = sort_code
            pattern = (?x) \\d{2}
            pattern =   -\\d{2}   # a PCRE2 comment in extended mode
            caseless = true
            validator = sort_code
            trigger = digit
            max_length = 8
            context = sort code | bank
            context_window = 40 20
            context_required = true
            deny = date
            deny_window = 10 5
            priority = 77
            example = Zoë «12-34» here
            example = whole
            counter = nothing here
            """)
        let rule = try #require(pack.rule(id: "t.full"))
        #expect(pack.name == "test" && pack.version == "1")
        #expect(pack.sources.map(\.name) == ["test"])
        #expect(rule.category == .sortCode)
        #expect(rule.matcher == .pattern("(?x) \\d{2}\n-\\d{2}   # a PCRE2 comment in extended mode", caseless: true))
        #expect(rule.validator == "sort_code")
        #expect(rule.trigger == .bytes(.digits))
        #expect(rule.maxLength == 8)
        #expect(rule.context == ContextSpec(words: ["sort code", "bank"], before: 40, after: 20, required: true))
        #expect(rule.denyContext == ContextSpec(words: ["date"], before: 10, after: 5, required: false))
        #expect(rule.priority == 77)
        #expect(rule.location.line == 3)
        #expect(rule.examples.count == 3)
        // Byte offsets: "Zoë " is 5 bytes (ë is two).
        #expect(rule.examples[0].text == "Zoë 12-34 here")
        #expect(rule.examples[0].expected == 5..<10)
        #expect(rule.examples[0].location.line == 17)
        #expect(rule.examples[1].expected == 0..<5)
        #expect(rule.examples[2].expected == nil)
    }

    @Test func defaults() throws {
        let pack = try load("[rule d]\ncategory = nino\npattern = x\ntrigger = always\nmax_length = 1\ncontext = y\n")
        let rule = try #require(pack.rule(id: "d"))
        #expect(rule.priority == 50)
        #expect(rule.trigger == .always)
        #expect(rule.validator == nil)
        #expect(rule.matcher == .pattern("x", caseless: false))
        #expect(rule.context == ContextSpec(words: ["y"], before: 64, after: 64, required: false))
        #expect(rule.denyContext == nil)
    }

    @Test func triggers() throws {
        let pack = try load("""
            [rule a]
            category = email_address
            pattern = @
            trigger = at
            max_length = 1
            [rule b]
            category = ip_address
            pattern = :
            trigger = bytes::.
            max_length = 1
            [rule c]
            category = person_name
            pattern = Mr
            trigger = literals: mr | mrs |dr
            max_length = 2
            [rule d]
            category = address
            pattern = Road
            trigger = dict:streets
            max_length = 4
            """, dictionaries: ["streets": "Road\n"])
        #expect(pack.rule(id: "a")?.trigger == .bytes(ByteSet([UInt8(ascii: "@")])))
        #expect(pack.rule(id: "b")?.trigger == .bytes(ByteSet(Array(":.".utf8))))
        #expect(pack.rule(id: "c")?.trigger == .literals(["mr", "mrs", "dr"]))
        #expect(pack.rule(id: "d")?.trigger == .dictionary("streets"))
    }

    @Test func dictionaryRuleDefaultsToItsTermsAsTriggerAndLength() throws {
        let pack = try load("[rule s]\ncategory = special_category\ndictionary = words\n",
                            dictionaries: ["words": "# comment\nepilepsy\n\nEpilepsy\ntype 2 diabetes\n"])
        let rule = try #require(pack.rule(id: "s"))
        #expect(rule.matcher == .dictionary("words"))
        #expect(rule.trigger == .dictionary("words"))
        #expect(rule.maxLength == 15)
        #expect(pack.dictionaries["words"]?.terms == ["epilepsy", "type 2 diabetes"])
        let source = try #require(pack.pcre2Source(for: rule))
        #expect(source.caseless)
        let checker = try ReferenceChecker(pack: pack)
        #expect(checker.findings(of: rule, in: Array("EPILEPSY, type 2\ndiabetes; epilepsyx Zoëepilepsy “epilepsy”".utf8))
                == [0..<8, 10..<25, 53..<61])
    }

    @Test func dictionaryMaxLengthMustCoverTheLongestTerm() throws {
        #expect(throws: PackError.self) {
            try load("[rule s]\ncategory = special_category\ndictionary = words\nmax_length = 3\n", dictionaries: ["words": "abcd\n"])
        }
    }

    @Test func placeholdersExpandLongestFirstAndEscaped() throws {
        let pack = try load("""
            [rule p]
            category = address
            pattern = (?x) \\d+ [ ] {{dict:types}} (?![A-Za-z])
            trigger = digit
            max_length = 40
            """, dictionaries: ["types": "St\nStreet\nSt. (old)\nRoad #2\n"])
        let rule = try #require(pack.rule(id: "p"))
        guard case .pattern(let source, _) = rule.matcher else { Issue.record("not a pattern"); return }
        #expect(source == ##"(?x) \d+ [ ] (?:St\.\s\(old\)|Road\s\#2|Street|St) (?![A-Za-z])"##)
        let checker = try ReferenceChecker(pack: pack)
        #expect(checker.findings(of: rule, in: Array("1 Street, 2 St. (old), 3 Road #2, 4 St".utf8))
                == [0..<8, 10..<21, 23..<32, 34..<38])
    }

    @Test func examplesMayHoldLineBreaks() throws {
        let pack = try load("[rule n]\ncategory = address\npattern = a\\nb\ntrigger = always\nmax_length = 3\nexample = x «a\\nb» y\ncounter = a\\n\\nb\n")
        let rule = try #require(pack.rule(id: "n"))
        #expect(rule.examples[0].text == "x a\nb y")
        #expect(rule.examples[0].expected == 2..<5)
        #expect(rule.examples[1].text == "a\n\nb")
        #expect(try ReferenceChecker(pack: pack).check(rule).isEmpty)
    }

    /// The reference checker itself: a wrong span, an extra finding and a counter that fires
    /// are all reported; validators, required context and deny words are applied.
    @Test func referenceCheckerReportsMismatches() throws {
        let pack = try load("""
            [rule r]
            category = sort_code
            pattern = \\d{2}-\\d{2}-\\d{2}
            validator = sort_code
            trigger = digit
            max_length = 8
            context = sort code
            context_required = true
            context_window = 12 0
            deny = date
            deny_window = 0 10
            example = sort code «12-34-56»
            example = sort code 1«2-34-5»6
            example = sort code «12-34-56» sort code 65-43-21
            counter = sort code 12-34-56
            counter = sort code 00-00-00
            counter = sort  code\\n12-34-56 date
            counter = far away sort code ........ 12-34-56
            """)
        let rule = try #require(pack.rule(id: "r"))
        let failures = try ReferenceChecker(pack: pack).check(rule)
        #expect(failures.map(\.location.line) == [13, 14, 15])
        #expect(failures.allSatisfy { !$0.description.contains("sort code") })
    }

    @Test func packsMergeAndShareDictionaries() throws {
        let a = try TempPack(conf: "name = a\nversion = 1\n", rules: ["a.rules": "[rule a.one]\ncategory = nino\npattern = x\ntrigger = always\nmax_length = 1\n"],
                             dictionaries: ["places": "Leeds\n"])
        let b = try TempPack(conf: "name = b\nversion = 2\n", rules: [
            "b2.rules": "[rule b.two]\ncategory = address\ndictionary = places\n",
            "b1.rules": "[rule b.one]\ncategory = address\npattern = {{dict:places}}\ntrigger = dict:places\nmax_length = 5\n",
        ])
        let pack = try PackLoader.load(directories: [a.url, b.url])
        #expect(pack.name == "a+b")
        #expect(pack.version == "1+2")
        #expect(pack.rules.map(\.id) == ["a.one", "b.one", "b.two"])  // files load in name order
        #expect(pack.sources.map(\.directory) == [a.url.path, b.url.path])
    }

    /// The full example in patterns/README.md is a real pack: it loads beside the UK pack (using
    /// nothing but its own dictionary) and its examples pass.
    @Test func readmeExamplePackLoadsAndPasses() throws {
        let readme = try #require(TestPacks.ukDirectory).deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redact-readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var files = 0
        for block in text.components(separatedBy: "```\n").enumerated().filter({ $0.offset % 2 == 1 }).map(\.element) {
            guard block.hasPrefix("# patterns/local/") else { continue }
            let firstLine = block.prefix { $0 != "\n" }
            let path = String(firstLine.dropFirst("# patterns/local/".count))
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try block.write(to: url, atomically: true, encoding: .utf8)
            files += 1
        }
        #expect(files == 3)
        let uk = try #require(TestPacks.ukDirectory)
        let pack = try PackLoader.load(directories: [uk, dir])
        #expect(pack.name == "uk+local")
        let checker = try ReferenceChecker(pack: pack)
        for id in ["local.legacy_crn", "local.station"] {
            let rule = try #require(pack.rule(id: id))
            #expect(rule.examples.count >= 4)
            #expect(checker.check(rule).isEmpty, "\(checker.check(rule))")
        }
    }

    @Test func defaultPackDirectoryLookups() throws {
        let repoUK = try #require(TestPacks.ukDirectory)
        let patterns = repoUK.deletingLastPathComponent()
        let root = patterns.deletingLastPathComponent()
        let nowhere = URL(fileURLWithPath: "/", isDirectory: true)
        // Environment variable: a pack directory, or a folder holding uk/.
        #expect(PackLoader.defaultPackDirectory(environment: ["REDACT_PATTERNS": repoUK.path], currentDirectory: nowhere, executable: nil)?.path == repoUK.path)
        #expect(PackLoader.defaultPackDirectory(environment: ["REDACT_PATTERNS": patterns.path], currentDirectory: nowhere, executable: nil)?.standardizedFileURL.path == repoUK.standardizedFileURL.path)
        #expect(PackLoader.defaultPackDirectory(environment: ["REDACT_PATTERNS": "/nonexistent"], currentDirectory: root, executable: nil) == nil)
        // The current directory or a parent.
        let sub = root.appendingPathComponent("Sources/RedactPatterns", isDirectory: true)
        #expect(PackLoader.defaultPackDirectory(environment: [:], currentDirectory: sub, executable: nil)?.standardizedFileURL.path == repoUK.standardizedFileURL.path)
        // Beside the executable (a build under .build/ finds the checkout's pack).
        let exe = root.appendingPathComponent(".build/debug/redact")
        #expect(PackLoader.defaultPackDirectory(environment: [:], currentDirectory: nowhere, executable: exe)?.standardizedFileURL.path == repoUK.standardizedFileURL.path)
        #expect(PackLoader.defaultPackDirectory(environment: [:], currentDirectory: nowhere, executable: nil) == nil)
    }
}

/// `letter_digit` is read, and refused where the promise could not hold.
@Suite struct LetterDigitKeyTests {
    func load(_ extra: String, caseless: Bool = false, trigger: String = "digit") throws -> Rule? {
        try loadTempPack("""
            [rule t.postcode]
            category = postcode
            pattern = [A-Z]{1,2}\\d[ ]?\\d[A-Z]{2}
            \(caseless ? "caseless = true\n" : "")trigger = \(trigger)
            max_length = 8
            \(extra)
            """).rule(id: "t.postcode")
    }

    @Test func readsTheKey() throws {
        #expect(try load("letter_digit = upper 0")?.letterDigit == LetterDigit(upperOnly: true, maxGap: 0))
        #expect(try load("letter_digit = any 2", caseless: true)?.letterDigit == LetterDigit(upperOnly: false, maxGap: 2))
        #expect(try load("")?.letterDigit == nil)
    }

    @Test func refusesFalsePromises() {
        for (extra, caseless, trigger) in [("letter_digit = upper 0", true, "digit"),      // caseless matches lower case
                                           ("letter_digit = any 0", false, "at"),          // the trigger is not the digits
                                           ("letter_digit = any 9", false, "digit"),       // gap too large
                                           ("letter_digit = lower 0", false, "digit")] {   // unknown letter class
            #expect(throws: PackError.self, "\(extra) caseless \(caseless) trigger \(trigger)") {
                _ = try load(extra, caseless: caseless, trigger: trigger)
            }
        }
    }
}

/// `digit_run` is read, and refused where the engine could not keep the promise.
@Suite struct DigitRunKeyTests {
    func load(_ extra: String, trigger: String = "digit") throws -> Rule? {
        try loadTempPack("""
            [rule t.prison]
            category = prison_number
            pattern = [A-Z]\\d{4}[A-Z]{2}
            trigger = \(trigger)
            max_length = 7
            \(extra)
            """, dictionaries: ["street_types": "Road\n"]).rule(id: "t.prison")
    }

    @Test func readsTheKey() throws {
        #expect(try load("digit_run = 4 4")?.digitRun == 4...4)
        #expect(try load("digit_run = 1  7")?.digitRun == 1...7)
        #expect(try load("")?.digitRun == nil)
    }

    @Test func refusesFalsePromises() {
        for (extra, trigger) in [("digit_run = 4 4", "at"),                      // the trigger is not the digits
                                 ("digit_run = 0 4", "digit"),                   // a run holds a digit
                                 ("digit_run = 5 4", "digit"),                   // MIN above MAX
                                 ("digit_run = 4 8", "digit"),                   // longer than max_length
                                 ("digit_run = 4", "digit"),                     // one number
                                 ("digit_run = four 4", "digit"),
                                 ("digit_run = 4 4\nrequires = dict:street_types", "digit")] {
            #expect(throws: PackError.self, "\(extra) trigger \(trigger)") {
                _ = try load(extra, trigger: trigger)
            }
        }
    }
}

/// `requires` is read, and refused where the engine could not keep the promise.
@Suite struct RequiresKeyTests {
    func load(_ extra: String, trigger: String = "digit") throws -> Rule? {
        try loadTempPack("""
            [rule t.street]
            category = address
            pattern = \\d{1,3}[ ][A-Z][a-z]+[ ](?i:{{dict:street_types}})(?![A-Za-z0-9])
            trigger = \(trigger)
            max_length = 40
            \(extra)
            """, dictionaries: ["street_types": "Road\nStreet\n"]).rule(id: "t.street")
    }

    @Test func readsTheKey() throws {
        #expect(try load("requires = dict:street_types")?.requires == "street_types")
        #expect(try load("")?.requires == nil)
    }

    @Test func refusesWhatCannotHold() {
        for (extra, trigger) in [("requires = dict:nowhere", "digit"),          // unknown dictionary
                                 ("requires = street_types", "digit"),          // not dict:NAME
                                 ("requires = dict:street_types", "always"),    // no byte trigger
                                 ("requires = dict:street_types", "literals: road")] {
            #expect(throws: PackError.self, "\(extra) trigger \(trigger)") {
                _ = try load(extra, trigger: trigger)
            }
        }
    }
}
