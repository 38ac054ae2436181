/// The corpus's own acceptance test for every structured category, used both ways: a planted
/// item must pass (or the generator refuses to write it) and a decoy must fail the validator of
/// the category it looks like. Written from `shared/identifiers.md`, not from the scanner.
///
/// `before` is the bytes just before the item in the document, for categories that need context.
public enum Validators {
    public static func accepts(_ category: PlantCategory, _ text: String, before: ArraySlice<UInt8>) -> Bool {
        accepts(category, text, bytes: Array(text.utf8), before: before)
    }

    /// As above with the text's bytes already at hand (decoys are checked against every category).
    public static func accepts(_ category: PlantCategory, _ text: String, bytes b: [UInt8],
                               before: ArraySlice<UInt8>) -> Bool {
        if b.isEmpty { return false }
        // Structure first (cheap, and most decoys fail it), context second.
        guard structure(category, text, b, before: before) else { return false }
        let needs = Context.words(for: category)
        return needs.isEmpty || Context.contains(needs, in: before)
    }

    static func structure(_ category: PlantCategory, _ text: String, _ b: [UInt8], before: ArraySlice<UInt8>) -> Bool {
        switch category {
        case .nino: return b.count >= 9 && b.count <= 13 && nino(b)
        case .nhs_number: return (b.count == 10 || b.count == 12) && nhs(b, before: before)
        case .pnc_id: return b.count >= 5 && b.count <= 13 && pnc(b)
        case .cro_number: return b.count >= 5 && b.count <= 13 && cro(b)
        case .prison_number: return prisonNumber(b)
        case .crn: return crn(b)
        case .passport_number: return b.count == 9 && b.allSatisfy(isDigit)
        case .driving_licence: return b.count >= 16 && b.count <= 22 && drivingLicence(b)
        case .vehicle_registration: return b.count >= 5 && b.count <= 8 && vehicleRegistration(b)
        case .sort_code: return sortCode(b)
        case .bank_account: return b.count == 8 && b.allSatisfy(isDigit)
        case .payment_card: return b.count >= 13 && b.count <= 23 && isDigit(b[0]) && paymentCard(b)
        case .iban: return b.count >= 15 && b.count <= 42 && isUpper(b[0]) && iban(b)
        case .phone_number: return b.count >= 11 && (b[0] == 48 || b[0] == 43 || b[0] == 40) && dramaPhone(b)
        case .email_address: return b.contains(64) && email(b)
        case .postcode: return b.count >= 5 && b.count <= 8 && postcode(b)
        case .ip_address: return (b.contains(46) && ipv4(b)) || (b.contains(58) && ipv6(b))
        case .date_of_birth: return b.count >= 6 && b.count <= 24 && b.contains(where: isDigit) && DateParsing.parse(text) != nil
        case .address: return isDigit(b[0]) && address(text)
        case .special_category: return SpecialCategory.isTerm(text)
        case .person_name: return false // needs the document's people: see `NameBook.accepts`
        }
    }

    // MARK: byte helpers

    /// A 256-entry membership table (cheaper than `Set<UInt8>` in the hot path).
    struct ByteSet {
        var bits = [Bool](repeating: false, count: 256)
        init(_ s: String) { for b in s.utf8 { bits[Int(b)] = true } }
        @inline(__always) func contains(_ b: UInt8) -> Bool { bits[Int(b)] }
    }
    static let spaceHyphen = ByteSet(" -")
    static let spaceOnly = ByteSet(" ")
    static let ninoNever = ByteSet("DFIQUV")
    static let plateTag = ByteSet("ABCDEFGHJKLMNOPRSTUVWXY")     // no I, Q, Z
    static let plateRandom = ByteSet("ABCDEFGHJKLMNOPRSTUVWXYZ") // no I, Q
    static let plateYear = ByteSet("ABCDEFGHJKLMNPRSTVWXY")      // no I, O, Q, U, Z
    static let pcBadInward = ByteSet("CIKMOV")
    static let pcBadFirst = ByteSet("QVX")
    static let pcBadSecond = ByteSet("IJZ")
    static let pcThirdA9A = ByteSet("ABCDEFGHJKPSTUW")
    static let pcFourthAA9A = ByteSet("ABEHMNPRVWXY")
    static let emailLocal = ByteSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || (b >= 97 && b <= 122) }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { b >= 97 && b <= 122 ? b - 32 : b }
    static func digitsValue(_ b: ArraySlice<UInt8>) -> [Int] { b.map { Int($0 - 48) } }

    /// Removes the given separators and upper-cases; nil if a separator is doubled, leads or trails.
    static func compact(_ b: [UInt8], separators: ByteSet) -> [UInt8]? {
        var out = [UInt8]()
        var lastSep = true
        for x in b {
            if separators.contains(x) {
                if lastSep { return nil }
                lastSep = true
            } else {
                out.append(upper(x))
                lastSep = false
            }
        }
        return lastSep ? nil : out
    }

    // MARK: categories

    /// HMRC rules (NIM39110): prefix letters, six digits, suffix A-D; or a temporary TN + DDMMYY + M/F.
    public static func nino(_ raw: [UInt8]) -> Bool {
        guard let c = compact(raw, separators: spaceHyphen), c.count == 9 else { return false }
        guard isUpper(c[0]), isUpper(c[1]), c[2..<8].allSatisfy(isDigit) else { return false }
        let pair = String(decoding: c[0..<2], as: UTF8.self)
        if pair == "TN" {
            let d = digitsValue(c[2..<8])
            let day = d[0] * 10 + d[1], month = d[2] * 10 + d[3]
            return (c[8] == 77 || c[8] == 70) && month >= 1 && month <= 12 && day >= 1
                && day <= DateParsing.daysIn(month: month, year: 2000 + d[4] * 10 + d[5])
        }
        if ninoNever.contains(c[0]) || ninoNever.contains(c[1]) || c[1] == 79 { return false }
        if ["BG", "GB", "KN", "NK", "NT", "ZZ"].contains(pair) { return false }
        return c[8] >= 65 && c[8] <= 68
    }

    /// Ten digits, 3-3-4 with one consistent separator or none (none needs NHS context), mod 11.
    public static func nhs(_ b: [UInt8], before: ArraySlice<UInt8>) -> Bool {
        var digits: [UInt8]
        if b.count == 10 {
            guard Context.contains(Context.nhsWords, in: before) else { return false }
            digits = b
        } else if b.count == 12, b[3] == b[7], b[3] == 32 || b[3] == 45 {
            digits = Array(b[0..<3] + b[4..<7] + b[8..<12])
        } else {
            return false
        }
        guard digits.allSatisfy(isDigit) else { return false }
        return CheckDigits.nhsValid(digits.map { Int($0 - 48) })
    }

    /// `YYYY/NNNNNNNA` or `YY/N...A` (serial 1-7 digits), modulus-23 letter over YY + 7-digit serial.
    public static func pnc(_ b: [UInt8]) -> Bool {
        guard let slash = b.firstIndex(of: 47), let last = b.last, isUpper(last) else { return false }
        let year = b[0..<slash], serial = b[(slash + 1)..<(b.count - 1)]
        guard year.count == 2 || year.count == 4, year.allSatisfy(isDigit) else { return false }
        if year.count == 4 && !(year.starts(with: "19".utf8) || year.starts(with: "20".utf8)) { return false }
        guard (1...7).contains(serial.count), serial.allSatisfy(isDigit) else { return false }
        let yy = String(decoding: year.suffix(2), as: UTF8.self)
        let s = String(decoding: serial, as: UTF8.self)
        let padded = String(repeating: "0", count: 7 - s.count) + s
        return CheckDigits.mod23Letter(yy + padded) == Character(Unicode.Scalar(last))
    }

    /// `NNNNNN/YYA` (serial 1-6, padded to 6 for the check) or `SFYY/NNNNNNA` (serial unpadded).
    public static func cro(_ b: [UInt8]) -> Bool {
        guard let slash = b.firstIndex(of: 47), let last = b.last, isUpper(last) else { return false }
        let left = b[0..<slash], right = b[(slash + 1)..<(b.count - 1)]
        if left.starts(with: "SF".utf8) {
            let yy = left.dropFirst(2)
            guard yy.count == 2, yy.allSatisfy(isDigit), (1...6).contains(right.count), right.allSatisfy(isDigit)
            else { return false }
            let v = String(decoding: yy, as: UTF8.self) + String(decoding: right, as: UTF8.self)
            return CheckDigits.mod23Letter(v) == Character(Unicode.Scalar(last))
        }
        guard (1...6).contains(left.count), left.allSatisfy(isDigit), right.count == 2, right.allSatisfy(isDigit)
        else { return false }
        let s = String(decoding: left, as: UTF8.self)
        let v = String(decoding: right, as: UTF8.self) + String(repeating: "0", count: 6 - s.count) + s
        return CheckDigits.mod23Letter(v) == Character(Unicode.Scalar(last))
    }

    /// NOMIS `A1234BC`, either case.
    public static func prisonNumber(_ b: [UInt8]) -> Bool {
        b.count == 7 && isLetter(b[0]) && b[1..<5].allSatisfy(isDigit) && isLetter(b[5]) && isLetter(b[6])
    }

    /// nDelius `X123456`.
    public static func crn(_ b: [UInt8]) -> Bool {
        b.count == 7 && isLetter(b[0]) && b[1..<7].allSatisfy(isDigit)
    }

    /// DVLA driver number (16 characters, spaces as printed) plus an optional 2-digit issue number.
    public static func drivingLicence(_ raw: [UInt8]) -> Bool {
        let c = raw.filter { $0 != 32 }.map(upper)
        guard c.count == 16 || c.count == 18 else { return false }
        if c.count == 18 && !(c[16...17].allSatisfy(isDigit)) { return false }
        let sur = c[0..<5]
        guard isUpper(sur.first!) else { return false }
        var seenNine = false
        for x in sur {
            if x == 57 { seenNine = true } else if seenNine || !isUpper(x) { return false }
        }
        guard c[5..<11].allSatisfy(isDigit) else { return false }
        let month = Int(c[6] - 48) * 10 + Int(c[7] - 48)
        let day = Int(c[8] - 48) * 10 + Int(c[9] - 48)
        let m = month > 50 ? month - 50 : month
        guard (1...12).contains(m), day >= 1, day <= DateParsing.daysIn(month: m, year: 2000) else { return false }
        let i1 = c[11], i2 = c[12]
        guard isUpper(i1) || i1 == 57, isUpper(i2) || i2 == 57 else { return false }
        if i1 == 57 && i2 != 57 { return false }
        return isDigit(c[13]) && isUpper(c[14]) && isUpper(c[15])
    }

    /// Current (`AB12 CDE`), prefix (`A123 BCD`) and suffix (`ABC 123D`) styles (DVLA INF104).
    public static func vehicleRegistration(_ raw: [UInt8]) -> Bool {
        guard raw.filter({ $0 == 32 }).count <= 1 else { return false }
        let c = raw.filter { $0 != 32 }.map(upper)
        let tag = plateTag, random = plateRandom, yearLetter = plateYear
        if c.count == 7, tag.contains(c[0]), tag.contains(c[1]), isDigit(c[2]), isDigit(c[3]),
           c[4...6].allSatisfy({ random.contains($0) }) {
            let age = Int(c[2] - 48) * 10 + Int(c[3] - 48)
            if (2...25).contains(age) || (51...75).contains(age) {
                return raw.count == 7 || raw[4] == 32
            }
            return false
        }
        let digitsRun = c.filter(isDigit).count
        guard (1...3).contains(digitsRun) else { return false }
        if c.count == 4 + digitsRun, yearLetter.contains(c[0]), c[1...digitsRun].allSatisfy(isDigit),
           c[(digitsRun + 1)...].allSatisfy({ random.contains($0) }) {
            return raw.count == c.count || raw[digitsRun + 1] == 32
        }
        if c.count == 4 + digitsRun, c[0..<3].allSatisfy({ random.contains($0) }),
           c[3..<(3 + digitsRun)].allSatisfy(isDigit), yearLetter.contains(c.last!) {
            return raw.count == c.count || raw[3] == 32
        }
        return false
    }

    /// `NN-NN-NN`, `NN NN NN` or `NNNNNN`, not all zeros.
    public static func sortCode(_ b: [UInt8]) -> Bool {
        var d: [UInt8]
        if b.count == 6 { d = b } else if b.count == 8, b[2] == b[5], b[2] == 45 || b[2] == 32 {
            d = [b[0], b[1], b[3], b[4], b[6], b[7]]
        } else { return false }
        return d.allSatisfy(isDigit) && d.contains { $0 != 48 }
    }

    /// 13-19 digits, one separator kind, a known scheme's IIN and length, and Luhn.
    public static func paymentCard(_ raw: [UInt8]) -> Bool {
        var sep: UInt8 = 0
        for x in raw where !isDigit(x) {
            guard x == 32 || x == 45, sep == 0 || sep == x else { return false }
            sep = x
        }
        guard let c = compact(raw, separators: spaceHyphen), c.allSatisfy(isDigit) else { return false }
        let d = c.map { Int($0 - 48) }
        guard (13...19).contains(d.count), CheckDigits.luhnValid(d) else { return false }
        return CardScheme.matching(d) != nil
    }

    /// Country length table (SWIFT IBAN registry) for the countries the corpus writes, then mod 97.
    public static let ibanLengths: [String: Int] = [
        "GB": 22, "DE": 22, "FR": 27, "IE": 22, "ES": 24, "NL": 18, "PL": 28, "IT": 27, "BE": 16,
    ]

    public static func iban(_ raw: [UInt8]) -> Bool {
        guard let c = compact(raw, separators: spaceOnly), c.count >= 5 else { return false }
        guard c.allSatisfy({ isUpper($0) || isDigit($0) }), isUpper(c[0]), isUpper(c[1]),
              isDigit(c[2]), isDigit(c[3]) else { return false }
        let s = String(decoding: c, as: UTF8.self)
        guard let len = ibanLengths[String(s.prefix(2))], len == c.count else { return false }
        return CheckDigits.ibanValid(s)
    }

    /// Ofcom drama ranges only, in `0`, `+44`, `+44 (0)` and `0044` forms with spaces, hyphens,
    /// dots or brackets; the corpus never writes a number that could be allocated to anyone.
    public static func dramaPhone(_ raw: [UInt8]) -> Bool {
        var s = String(decoding: raw, as: UTF8.self)
        s = s.replacingAll("(0)", with: "")
        var d = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "0"..."9": d.unicodeScalars.append(ch)
            case " ", "-", ".", "(", ")": continue
            case "+": if !d.isEmpty { return false }
            default: return false
            }
        }
        if s.hasPrefix("+44") { d = "0" + d.dropFirst(2) } else if d.hasPrefix("0044") { d = "0" + d.dropFirst(4) }
        else if s.hasPrefix("+") { return false }
        guard d.count == 11 else { return false }
        return Phones.dramaPrefixes.contains { d.hasPrefix($0.prefix) }
    }

    /// local@domain with a dotted domain and a letters-only top-level label.
    public static func email(_ b: [UInt8]) -> Bool {
        guard let at = b.firstIndex(of: 64), b.filter({ $0 == 64 }).count == 1 else { return false }
        let local = b[0..<at], domain = b[(at + 1)...]
        guard !local.isEmpty, local.allSatisfy({ emailLocal.contains($0) }), local.first != 46, local.last != 46 else { return false }
        let labels = domain.split(separator: 46, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for l in labels where l.isEmpty || !l.allSatisfy({ isLetter($0) || isDigit($0) || $0 == 45 }) { return false }
        return labels.last!.count >= 2 && labels.last!.allSatisfy(isLetter)
    }

    /// Royal Mail / BS 7666 rules: outward A9 A99 AA9 AA99 A9A AA9A, optional single space,
    /// inward 9AA; no Q V X first, no I J Z second, restricted third/fourth letters, no C I K M O V inward.
    public static func postcode(_ raw: [UInt8]) -> Bool {
        let spaces = raw.filter { $0 == 32 }.count
        guard spaces <= 1 else { return false }
        let c = raw.filter { $0 != 32 }.map(upper)
        guard (5...7).contains(c.count) else { return false }
        if spaces == 1 && raw[raw.count - 4] != 32 { return false }
        let inward = c.suffix(3), out = Array(c.prefix(c.count - 3))
        guard isDigit(inward.first!), inward.dropFirst().allSatisfy({ isUpper($0) && !pcBadInward.contains($0) })
        else { return false }
        guard isUpper(out[0]), !pcBadFirst.contains(out[0]) else { return false }
        // Shape as a small bit pattern: 1 = digit, 0 = letter, with the length.
        var shape = 0
        for x in out {
            guard isDigit(x) || isUpper(x) else { return false }
            shape = shape << 1 | (isDigit(x) ? 1 : 0)
        }
        let second = out[1], third = out.count > 2 ? out[2] : 0, fourth = out.count > 3 ? out[3] : 0
        let okSecond = !pcBadSecond.contains(second)
        switch (out.count, shape) {
        case (2, 0b01), (3, 0b011): return true                        // A9, A99
        case (3, 0b001), (4, 0b0011): return okSecond                  // AA9, AA99
        case (3, 0b010): return pcThirdA9A.contains(third)             // A9A
        case (4, 0b0010): return okSecond && pcFourthAA9A.contains(fourth) // AA9A
        default: return false
        }
    }

    /// Dotted quad, each 0-255 without leading zeros.
    public static func ipv4(_ b: [UInt8]) -> Bool {
        let parts = b.split(separator: 46, omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard (1...3).contains(p.count), p.allSatisfy(isDigit) else { return false }
            if p.count > 1 && p.first == 48 { return false }
            if Int(String(decoding: p, as: UTF8.self))! > 255 { return false }
        }
        return true
    }

    /// Eight groups of 1-4 hex digits, or fewer with exactly one `::`.
    public static func ipv6(_ b: [UInt8]) -> Bool {
        let s = String(decoding: b, as: UTF8.self)
        let halves = s.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return false }
        func groups(_ h: String) -> [Substring]? {
            if h.isEmpty { return [] }
            let g = h.split(separator: ":", omittingEmptySubsequences: false)
            for x in g where x.isEmpty || x.count > 4 || !x.allSatisfy({ $0.isHexDigit }) { return nil }
            return g
        }
        if halves.count == 1 { return groups(s)?.count == 8 }
        guard let a = groups(halves[0]), let z = groups(halves[1]) else { return false }
        return a.count + z.count <= 7
    }

    /// House number, street words ending in a street type, then a comma and/or line break, then a
    /// locality; as written (any case).
    public static func address(_ text: String) -> Bool {
        // Byte tokens: "\r\n" is one Character in Swift, so work on UTF-8 bytes.
        let b = Array(text.utf8)
        guard let first = b.first, isDigit(first) else { return false }
        var words: [(start: Int, end: Int)] = []
        var i = 0
        while i < b.count {
            while i < b.count, [32, 44, 10, 13].contains(b[i]) { i += 1 }
            let s = i
            while i < b.count, ![32, 44, 10, 13].contains(b[i]) { i += 1 }
            if i > s { words.append((s, i)) }
        }
        guard words.count >= 4 else { return false }
        func word(_ k: Int) -> String { String(decoding: b[words[k].start..<words[k].end], as: UTF8.self) }
        guard let typeIndex = (2..<words.count).first(where: { Places.isStreetType(word($0)) }),
              typeIndex < words.count - 1 else { return false }
        let after = words[typeIndex].end
        guard b[after] == 44 || b[after] == 10 || b[after] == 13 else { return false }
        return ((typeIndex + 1)..<words.count).allSatisfy { word($0).first!.isLetter }
    }
}

extension String {
    /// Foundation-free replace-all (CorpusKit keeps Foundation out of its generation code).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
