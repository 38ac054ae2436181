import Foundation

/// A seeded random number generator (SplitMix64) with the draws the demo generator needs.
///
/// Why our own: `SystemRandomNumberGenerator` cannot be seeded, and the demo log must be the
/// same activity for the same seed on every machine (so the README's pack shows the same
/// figures everywhere). SplitMix64 is tiny, fast and good enough for simulated activity.
struct DemoRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A new generator for a sub-stream (one per area), so adding activity to one area does not
    /// shift every other area's draws.
    mutating func fork(_ salt: UInt64) -> DemoRandom {
        DemoRandom(seed: next() ^ (salt &* 0xD6E8_FEB8_6659_FD93))
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A normal draw (Box-Muller).
    mutating func normal(mean: Double = 0, sd: Double = 1) -> Double {
        let u1 = max(unit(), 1e-12), u2 = unit()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    /// A Poisson count (Knuth for small means, a rounded normal for large ones).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 40 { return max(0, Int(normal(mean: mean, sd: mean.squareRoot()).rounded())) }
        let limit = exp(-mean)
        var k = 0
        var p = 1.0
        repeat {
            k += 1
            p *= unit()
        } while p > limit
        return k - 1
    }

    /// One of `items`, chosen with the given weights.
    mutating func pick<T>(_ items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var x = unit() * total
        for (item, w) in items {
            x -= w
            if x < 0 { return item }
        }
        return items[items.count - 1].0
    }

    mutating func element<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// 64 lower-case hex digits (a stand-in SHA-256 or HMAC).
    mutating func hex64() -> String {
        var s = ""
        s.reserveCapacity(64)
        for _ in 0..<4 {
            let v = next()
            let h = String(v, radix: 16)
            s += String(repeating: "0", count: 16 - h.count) + h
        }
        return s
    }

    /// A version 7 UUID for `date` with random bits from this generator: time-ordered like the
    /// log's own ids, and reproducible.
    mutating func uuid(at date: Date) -> UUID {
        let ms = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let r1 = next(), r2 = next()
        var b = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { b[i] = UInt8(ms >> UInt64(8 * (5 - i)) & 0xFF) }
        b[6] = 0x70 | UInt8(r1 & 0x0F)
        b[7] = UInt8(r1 >> 8 & 0xFF)
        b[8] = 0x80 | UInt8(r2 & 0x3F)
        for i in 9..<16 { b[i] = UInt8(r2 >> UInt64(8 * (i - 8)) & 0xFF) }
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }
}
