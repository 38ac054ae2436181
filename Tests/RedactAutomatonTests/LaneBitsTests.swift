import RedactAutomaton
import Testing

/// `LaneBits.of` puts lane k of a comparison in bit k, for every lane on its own and for random
/// masks, against a lane-by-lane reference (the intrinsic on x86-64, the multiply elsewhere).
@Test func laneBitsPutsLaneKInBitK() {
    func reference(_ m: SIMDMask<SIMD32<Int8>>) -> UInt32 {
        var bits: UInt32 = 0
        for k in 0..<32 where m[k] { bits |= 1 << UInt32(k) }
        return bits
    }
    for lane in 0..<32 {
        var v = SIMD32<UInt8>(repeating: 0)
        v[lane] = 7
        #expect(LaneBits.of(v .== 7) == 1 << UInt32(lane))
    }
    var seed: UInt64 = 0x5EED
    for _ in 0..<1000 {
        var v = SIMD32<UInt8>()
        for k in 0..<32 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            v[k] = UInt8(truncatingIfNeeded: seed >> 60)
        }
        let m = v .< 5
        #expect(LaneBits.of(m) == reference(m))
    }
    #expect(LaneBits.of(SIMD32<UInt8>(repeating: 1) .== 1) == .max)
    #expect(LaneBits.of(SIMD32<UInt8>(repeating: 1) .== 0) == 0)
}
