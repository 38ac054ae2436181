extension PartyList {
    /// One literal the automaton looks for: ASCII letters lowered, as the automaton folds them.
    struct Variant: Hashable {
        var bytes: [UInt8]
        var party: Int32
        /// A surname that counts only after a title (`Mr Smith`); the title stays outside the span.
        var needsTitle: Bool
    }

    /// Every written form that counts as a mention: the full name, forename + surname,
    /// `SURNAME, Forename`, and the surname after a title (checked where it is found, so a
    /// title does not multiply the literals). A forename alone is never a mention. ASCII case is
    /// folded by the automaton; non-ASCII letters get explicit case variants (`Form.forEachCaseForm`).
    ///
    /// Built on bytes, each word's case forms computed once per party: as strings (a form
    /// interpolated, then every word cased again in each of its forms), ten thousand names
    /// took 75 ms, the largest part of the startup.
    func variants() -> [Variant] {
        var out: [Variant] = []
        out.reserveCapacity(parties.count * 6)
        // Forms of one party can coincide, forms of two parties never do (the party is part of
        // a variant): dedupe and order per party, not in one set of every variant.
        var own: [Variant] = []
        var form = Form()
        for (index, party) in parties.enumerated() {
            let party32 = Int32(index)
            // Split on bytes: `String.split` on a Character breaks graphemes all the way.
            let name = Array(party.name.utf8)
            let tokens = name.split(separator: 0x20).map(WordCases.init)
            own.removeAll(keepingCapacity: true)
            func add(_ words: [WordCases], needsTitle: Bool = false) {
                form.forEachCaseForm(of: words) { own.append(Variant(bytes: $0, party: party32, needsTitle: needsTitle)) }
            }
            add(tokens)
            if tokens.count >= 2, let first = tokens.first, let last = tokens.last {
                let lastComma = last.followed(by: [0x2C])
                if tokens.count > 2 {
                    add([first, last])
                    add([lastComma] + tokens.dropLast())
                }
                add([lastComma, first])
                add([last.joined(toLowered: first)])
                add([last], needsTitle: true)
            }
            own.sort { a, b in
                if a.bytes.count != b.bytes.count { return a.bytes.count < b.bytes.count }
                if a.needsTitle != b.needsTitle { return !a.needsTitle }
                return a.bytes.lexicographicallyPrecedes(b.bytes)
            }
            // Sorted, equal variants are neighbours.
            for (k, v) in own.enumerated() where k == 0 || v != own[k - 1] { out.append(v) }
        }
        return out
    }

    /// The phrase (a dictionary term) as written plus its case variants when it has non-ASCII
    /// letters, ASCII letters lowered (`Form.forEachCaseForm`), without duplicates.
    static func caseVariants(_ s: String) -> [[UInt8]] {
        var form = Form()
        var out: [[UInt8]] = []
        form.forEachCaseForm(of: Array(s.utf8).split(separator: 0x20, omittingEmptySubsequences: false).map(WordCases.init)) {
            out.append($0)
        }
        return Array(Set(out)).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// One word in the three cases a name is typed in (as written, in capitals, capitalised) and
    /// in lower case, ASCII letters lowered. An ASCII word has one form: the automaton folds it.
    struct WordCases {
        var written: [UInt8]
        var upper: [UInt8]
        var capital: [UInt8]
        var lower: [UInt8]
        var isASCII: Bool

        /// - Parameter bytes: the word, UTF-8 (a whole scalar sequence).
        init(_ bytes: ArraySlice<UInt8>) {
            written = bytes.map(Decide.lowerASCII)
            isASCII = !written.contains { $0 >= 0x80 }
            if isASCII {
                upper = written; capital = written; lower = written
            } else {
                let word = String(decoding: bytes, as: UTF8.self)
                upper = Array(word.uppercased().utf8).map(Decide.lowerASCII)
                capital = Array((String(word.prefix(1)).uppercased() + word.dropFirst().lowercased()).utf8).map(Decide.lowerASCII)
                lower = Array(word.lowercased().utf8).map(Decide.lowerASCII)
            }
        }

        /// Every case the same bytes (an ASCII word: the automaton folds its case).
        private init(ascii: [UInt8]) {
            written = ascii; upper = ascii; capital = ascii; lower = ascii; isASCII = true
        }

        private init(written: [UInt8], upper: [UInt8], capital: [UInt8], lower: [UInt8], isASCII: Bool) {
            self.written = written; self.upper = upper; self.capital = capital; self.lower = lower; self.isASCII = isASCII
        }

        /// The word with `suffix` (ASCII punctuation) after it: `Smith,`.
        func followed(by suffix: [UInt8]) -> WordCases {
            if isASCII { return WordCases(ascii: written + suffix) }
            return WordCases(written: written + suffix, upper: upper + suffix, capital: capital + suffix, lower: lower + suffix, isASCII: isASCII)
        }

        /// One word made of this one, a comma and `next` (`Smith,John`): capitalised as one
        /// word, so `next` is in lower case there.
        func joined(toLowered next: WordCases) -> WordCases {
            if isASCII && next.isASCII { return WordCases(ascii: written + [0x2C] + next.written) }
            return WordCases(written: written + [0x2C] + next.written, upper: upper + [0x2C] + next.upper,
                      capital: capital + [0x2C] + next.lower, lower: lower + [0x2C] + next.lower,
                      isASCII: isASCII && next.isASCII)
        }

        /// The distinct forms a word takes in combinations.
        var choices: [[UInt8]] {
            if isASCII { return [written] }
            var out = [written]
            if upper != written { out.append(upper) }
            if capital != written && capital != upper { out.append(capital) }
            return out
        }
    }

    /// Writes the case forms of a form of a name, word by word, into one reused buffer.
    struct Form {
        private var buffer: [UInt8] = []

        /// Calls `body` with each case form of `words`, ASCII letters lowered (some more than once): for up
        /// to four words, every combination of each word as written, in capitals or capitalised
        /// (`SZABÓ, Björn`), plus the form in lower case; for more, each of those four cases for
        /// the whole form. An ASCII form has one.
        mutating func forEachCaseForm(of words: [WordCases], _ body: ([UInt8]) -> Void) {
            if words.allSatisfy({ $0.isASCII }) { emit(words, { $0.written }, body); return }
            emit(words, { $0.lower }, body)
            guard words.count <= 4 else {
                emit(words, { $0.written }, body); emit(words, { $0.upper }, body); emit(words, { $0.capital }, body)
                return
            }
            let choices = words.map { $0.choices }
            var pick = [Int](repeating: 0, count: words.count)
            while true {
                buffer.removeAll(keepingCapacity: true)
                for (w, k) in pick.enumerated() {
                    if w > 0 { buffer.append(0x20) }
                    buffer.append(contentsOf: choices[w][k])
                }
                body(buffer)
                // Next combination, the last word's choice fastest.
                var w = words.count - 1
                while w >= 0 {
                    pick[w] += 1
                    if pick[w] < choices[w].count { break }
                    pick[w] = 0
                    w -= 1
                }
                if w < 0 { return }
            }
        }

        // A closure, not a key path: reading through `KeyPath` went through the runtime per word.
        private mutating func emit(_ words: [WordCases], _ field: (WordCases) -> [UInt8], _ body: ([UInt8]) -> Void) {
            buffer.removeAll(keepingCapacity: true)
            for (w, word) in words.enumerated() {
                if w > 0 { buffer.append(0x20) }
                buffer.append(contentsOf: field(word))
            }
            body(buffer)
        }
    }
}
