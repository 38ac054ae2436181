/// IP addresses and email addresses.
enum NetworkCheck {
    /// Dotted quad: four decimal octets 0-255, no leading zeros (`010.1.1.1` is ambiguous:
    /// some parsers read it as octal, so it is not written by people meaning an address).
    static func ipv4(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ipv4(bytes, from: 0, to: bytes.count)
    }

    static func ipv4(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Bool {
        var octets = 0, value = 0, digits = 0, leadingZero = false
        var i = from
        while i <= end {
            let b: UInt8 = i < end ? bytes[i] : UInt8(ascii: ".")
            if ASCII.isDigit(b) {
                if digits == 0 { leadingZero = b == UInt8(ascii: "0") }
                digits += 1
                value = value * 10 + Int(b) - 48
                guard digits <= 3 else { return false }
            } else if b == UInt8(ascii: ".") {
                guard digits > 0, value <= 255, !(leadingZero && digits > 1) else { return false }
                octets += 1
                (value, digits) = (0, 0)
            } else {
                return false
            }
            i += 1
        }
        return octets == 4
    }

    /// RFC 4291 text form: eight groups of 1-4 hex digits, or fewer with one `::`, optionally
    /// ending in an embedded dotted quad (which counts as two groups). A compressed address needs
    /// at least two groups (`fe80::1`), which keeps `::` and `a::` (code, not addresses) out.
    static func ipv6(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 3, n <= 45 else { return false }
        let colon = UInt8(ascii: ":")
        var i = 0, groups = 0, compressed = false
        if bytes[0] == colon {
            guard bytes[1] == colon else { return false }
            compressed = true
            i = 2
        }
        while i < n {
            let groupStart = i
            var hex = 0
            while i < n, ASCII.isHex(bytes[i]) { i += 1; hex += 1 }
            if i < n, bytes[i] == UInt8(ascii: ".") {
                // Embedded IPv4: must be the last component.
                guard ipv4(bytes, from: groupStart, to: n) else { return false }
                groups += 2
                i = n
                break
            }
            guard hex >= 1, hex <= 4 else { return false }
            groups += 1
            if i == n { break }
            guard bytes[i] == colon else { return false }
            i += 1
            if i < n, bytes[i] == colon {
                guard !compressed else { return false }
                compressed = true
                i += 1
                if i == n { break }
            } else if i == n {
                return false  // a single trailing colon
            }
        }
        return compressed ? (groups >= 2 && groups <= 7) : groups == 8
    }

    /// Syntactic sanity: one `@`; local part 1-64 bytes of `A-Za-z0-9._%+-`, no leading,
    /// trailing or doubled dot; domain of two or more labels of letters, digits and hyphens
    /// (not at a label's ends), each 1-63 bytes; the last label (TLD) letters only, 2 or more.
    static func email(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 6, n <= 254 else { return false }
        var at = -1
        for i in 0..<n where bytes[i] == UInt8(ascii: "@") {
            guard at < 0 else { return false }
            at = i
        }
        guard at >= 1, at <= 64, at < n - 4 else { return false }
        let dot = UInt8(ascii: ".")
        guard bytes[0] != dot, bytes[at - 1] != dot else { return false }
        for i in 0..<at {
            let b = bytes[i]
            if b == dot { if bytes[i + 1] == dot { return false }; continue }
            guard ASCII.isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") else { return false }
        }
        var labels = 0, labelLen = 0, labelLettersOnly = true
        var prev: UInt8 = dot
        for i in (at + 1)...n {
            let b = i < n ? bytes[i] : dot
            if b == dot {
                guard labelLen >= 1, labelLen <= 63, prev != UInt8(ascii: "-") else { return false }
                labels += 1
                if i == n { return labels >= 2 && labelLettersOnly && labelLen >= 2 }
                (labelLen, labelLettersOnly) = (0, true)
            } else if ASCII.isAlnum(b) || b == UInt8(ascii: "-") {
                if labelLen == 0 && b == UInt8(ascii: "-") { return false }
                if !ASCII.isLetter(b) { labelLettersOnly = false }
                labelLen += 1
            } else {
                return false
            }
            prev = b
        }
        return false
    }
}
