/// Email addresses on reserved example domains and IP addresses from documentation and private
/// ranges (RFC 5737 TEST-NETs, RFC 1918, RFC 3849 `2001:db8::/32`), so none reaches a real host.
public enum Emails {
    static let domains = ["example.com", "example.org", "example.net", "mail.example.co.uk",
                          "anyshire.police.example.uk", "witnesscare.example.org.uk", "probation.example.gov.uk"]

    public static func make(_ rng: inout CorpusRandom, forename: String, surname: String) -> String {
        let f = Ascii.fold(forename).lowercased().filter { $0.isLetter }
        let s = Ascii.fold(surname).lowercased().filter { $0.isLetter }
        let local: String
        switch rng.weighted([35, 20, 15, 15, 15]) {
        case 0: local = f + "." + s
        case 1: local = String(f.prefix(1)) + s
        case 2: local = f + "_" + s + "\(rng.int(1...99))"
        case 3: local = s + "." + f + "\(rng.int(70...99))"
        default: local = f + s.prefix(3) + "\(rng.int(1...999))"
        }
        return local + "@" + rng.pick(Array(domains.prefix(4)))
    }

    /// A work address: police officers on the force domain, others on witness care or probation.
    public static func work(_ rng: inout CorpusRandom, forename: String, surname: String, police: Bool = false) -> String {
        let f = Ascii.fold(forename).lowercased().filter { $0.isLetter }
        let s = Ascii.fold(surname).lowercased().filter { $0.isLetter }
        return f + "." + s + "@" + (police ? domains[4] : rng.pick(Array(domains.suffix(2))))
    }
}

public enum IPs {
    public static func make(_ rng: inout CorpusRandom) -> String {
        switch rng.weighted([20, 15, 15, 15, 10, 25]) {
        case 0: return "192.0.2.\(rng.int(1...254))"
        case 1: return "198.51.100.\(rng.int(1...254))"
        case 2: return "203.0.113.\(rng.int(1...254))"
        case 3: return "192.168.\(rng.int(0...255)).\(rng.int(1...254))"
        case 4: return "10.\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))"
        default: return v6(&rng)
        }
    }

    static func hex(_ rng: inout CorpusRandom) -> String {
        let v = rng.int(1...0xFFFF)
        let digits = Array("0123456789abcdef")
        var s = ""
        var x = v
        while x > 0 { s.insert(digits[x & 15], at: s.startIndex); x >>= 4 }
        return s
    }

    /// `2001:db8:...` compressed, full, or with `::` in the middle.
    static func v6(_ rng: inout CorpusRandom) -> String {
        switch rng.int(3) {
        case 0: return "2001:db8::" + hex(&rng)
        case 1: return "2001:db8:" + hex(&rng) + ":" + hex(&rng) + "::" + hex(&rng) + ":" + hex(&rng)
        default:
            var g = ["2001", "0db8"]
            for _ in 0..<6 { let h = hex(&rng); g.append(String(repeating: "0", count: 4 - h.count) + h) }
            return g.joined(separator: ":")
        }
    }
}
