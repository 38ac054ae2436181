/// The corpus's own pseudo-random generator.
///
/// Swift's `SystemRandomNumberGenerator` is not seedable, and the algorithm behind any seeded
/// standard API may change between releases; "same seed, same bytes" needs an algorithm we own.
/// SplitMix64 expands a seed into state; xoshiro256** (Blackman and Vigna, public domain) draws.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** seeded through SplitMix64, with the small helpers the generators use.
///
/// Every helper consumes a fixed number of draws per call shape, so the output depends only on
/// the seed and the sequence of calls, never on hashing or platform.
public struct CorpusRandom: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// An independent stream for sub-unit `index` (a document, a chunk) of a run seeded `seed`,
    /// so document 7 is the same whether 10 or 10,000 documents are written.
    public init(seed: UInt64, stream index: UInt64) {
        var sm = SplitMix64(seed: seed ^ (index &* 0xD134_2543_DE82_EF95))
        _ = sm.next()
        self.init(seed: sm.next() ^ index)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = CorpusRandom.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = CorpusRandom.rotl(s3, 45)
        return result
    }

    /// Uniform in `0..<n` (Lemire's multiply-high; the tiny bias is irrelevant here).
    public mutating func int(_ n: Int) -> Int {
        precondition(n > 0, "int(_:) needs a positive bound")
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform in the closed range.
    public mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.count) }

    /// True with probability `p` (0...1).
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) * 0x1.0p-53 < p
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// Picks an index with the given relative weights.
    public mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var r = int(total)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// `count` decimal digits as a string, leading zeros allowed.
    public mutating func digits(_ count: Int) -> String {
        var b = [UInt8](repeating: 48, count: count)
        for i in 0..<count { b[i] = UInt8(48 + int(10)) }
        return String(decoding: b, as: UTF8.self)
    }

    /// One character drawn from `alphabet` (ASCII only; used for identifier letters).
    public mutating func letter(from alphabet: StaticString) -> Character {
        let n = alphabet.utf8CodeUnitCount
        let byte = alphabet.utf8Start[int(n)]
        return Character(Unicode.Scalar(byte))
    }

    /// `count` letters from `alphabet` as a string.
    public mutating func letters(_ count: Int, from alphabet: StaticString) -> String {
        let n = alphabet.utf8CodeUnitCount
        var b = [UInt8](repeating: 65, count: count)
        for i in 0..<count { b[i] = alphabet.utf8Start[int(n)] }
        return String(decoding: b, as: UTF8.self)
    }
}
