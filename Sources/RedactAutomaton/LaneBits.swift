#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// One bit per lane of a SIMD comparison, lane 0 in bit 0: SSE2's `pmovmskb`.
///
/// Why: Swift's SIMD types have no movemask, and the scanner turns a mask into bits for every
/// 32 bytes of text (word starts, trigger bytes). Without the instruction it costs a multiply
/// and four operations per eight lanes; on x86-64 SSE2 is the baseline, so its intrinsic from
/// Clang's `_Builtin_intrinsics` module is always there (two 16-lane halves; with AVX2 LLVM may
/// join them). Other architectures keep the multiply.
public enum LaneBits {
    @inlinable @inline(__always)
    public static func of(_ m: SIMDMask<SIMD32<Int8>>) -> UInt32 {
        #if arch(x86_64)
        let w = unsafeBitCast(m, to: SIMD4<Int64>.self)
        let lo = UInt32(truncatingIfNeeded: _mm_movemask_epi8(SIMD2(w[0], w[1])))
        let hi = UInt32(truncatingIfNeeded: _mm_movemask_epi8(SIMD2(w[2], w[3])))
        return lo | hi &<< 16
        #else
        let w = unsafeBitCast(m, to: SIMD4<UInt64>.self)
        return UInt32(truncatingIfNeeded: eight(w[0]) | eight(w[1]) &<< 8 | eight(w[2]) &<< 16 | eight(w[3]) &<< 24)
        #endif
    }

    /// The top bit of each of the 8 bytes of `x` (each 0x00 or 0xFF), as 8 bits, lowest byte first.
    @inlinable @inline(__always)
    public static func eight(_ x: UInt64) -> UInt64 {
        ((x & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
    }
}

