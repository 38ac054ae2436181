import Testing
@testable import RedactScan

/// The name variants are built on bytes, each word's cases once per party. These tests hold
/// them to the plain string construction they replaced: the same literals once ASCII case is
/// folded (the automaton folds it), each once per party.
@Suite struct PartyVariantsTests {
    /// The previous construction, on `String`s: every form, then every word of it cased.
    static func referenceForms(_ name: String) -> [(String, Bool)] {
        let tokens = name.split(separator: " ").map(String.init)
        var forms: [(String, Bool)] = [(tokens.joined(separator: " "), false)]
        if tokens.count >= 2, let first = tokens.first, let last = tokens.last {
            if tokens.count > 2 {
                forms.append(("\(first) \(last)", false))
                forms.append(("\(last), \(tokens.dropLast().joined(separator: " "))", false))
            }
            forms.append(("\(last), \(first)", false))
            forms.append(("\(last),\(first)", false))
            forms.append((last, true))
        }
        return forms
    }

    static func referenceCases(_ s: String) -> Set<String> {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return [s] }
        func capitalised(_ w: Substring) -> String {
            guard let f = w.first else { return "" }
            return f.uppercased() + w.dropFirst().lowercased()
        }
        let words = s.split(separator: " ", omittingEmptySubsequences: false)
        var out: Set<String> = [s, s.uppercased(), s.lowercased()]
        guard words.count <= 4 else {
            out.insert(words.map(capitalised).joined(separator: " "))
            return out
        }
        var forms: [String] = [""]
        for (i, w) in words.enumerated() {
            let options = Set([String(w), w.uppercased(), capitalised(w)])
            forms = forms.flatMap { prefix in options.map { prefix + (i == 0 ? "" : " ") + $0 } }
        }
        return out.union(forms)
    }

    struct Literal: Hashable { var bytes: [UInt8]; var needsTitle: Bool }

    static func folded(_ s: String) -> [UInt8] { s.utf8.map(Decide.lowerASCII) }

    static let names = [
        "John Smith", "Zoë O'Neill", "Siobhán Ní Bhriain", "Łukasz Kowalski-Nowak",
        "María José García López", "Jean-Loïc de la Tour d'Auvergne", "Björn Szabó", "ÆSA ØRN",
        "Hans Weiß", "Zoë", "İlker Çelik", "Mary  Jane   Watson", "ÉMILE zola",
    ]

    @Test(arguments: names)
    func sameLiteralsAsTheStringConstruction(_ name: String) {
        let party = PartyList(parties: [PartyList.Party(name: name, role: .witness)])
        let variants = party.variants()
        var expected = Set<Literal>()
        for (form, needsTitle) in Self.referenceForms(name) {
            for cased in Self.referenceCases(form) { expected.insert(Literal(bytes: Self.folded(cased), needsTitle: needsTitle)) }
        }
        let got = variants.map { Literal(bytes: $0.bytes, needsTitle: $0.needsTitle) }
        #expect(Set(got) == expected)
        #expect(got.count == Set(got).count, "a literal repeated for one party")
        #expect(variants.allSatisfy { $0.party == 0 })
    }

    @Test func variantsOfSeveralPartiesKeepTheirParty() {
        let list = PartyList(parties: Self.names.map { PartyList.Party(name: $0, role: .unspecified) })
        let variants = list.variants()
        for (index, name) in Self.names.enumerated() {
            let own = Set(variants.filter { $0.party == Int32(index) }.map { Literal(bytes: $0.bytes, needsTitle: $0.needsTitle) })
            let single = Set(PartyList(parties: [PartyList.Party(name: name, role: .unspecified)]).variants()
                .map { Literal(bytes: $0.bytes, needsTitle: $0.needsTitle) })
            #expect(own == single)
        }
    }

    @Test(arguments: ["crohn's disease", "Sjögren's syndrome", "café au lait", "naïve", "Ménière's disease of the inner ear", "Ångström unit", "ÉTAT Ölçek Çay Ñu Łódź"])
    func dictionaryTermsHaveTheSameCaseForms(_ term: String) {
        let expected = Set(Self.referenceCases(term).map(Self.folded))
        let got = PartyList.caseVariants(term)
        #expect(Set(got) == expected)
        #expect(got.count == expected.count)
    }
}
