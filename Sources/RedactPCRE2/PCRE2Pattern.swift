import CPCRE2

/// A PCRE2 pattern compiled once, JIT-compiled, and then shared read-only between workers.
///
/// Byte mode only (never `PCRE2_UTF`): the scanner works on raw file bytes, which may hold
/// invalid UTF-8, and `pcre2_jit_match` does no UTF check, so UTF mode on such input would be
/// undefined behaviour. `\d`, `\b` and classes are ASCII here, which keeps matching cheap.
///
/// `@unchecked Sendable` because pcre2api (MULTITHREADING) says the compiled pattern "does not
/// change when the pattern is matched ... it is thread-safe"; JIT compilation writes into the
/// code block, and it is finished inside `init`, before the object can be shared. Each thread
/// brings its own `PCRE2MatchData` ("Each thread must provide its own copy of this memory").
public final class PCRE2Pattern: @unchecked Sendable {
    let code: OpaquePointer
    /// The pattern source, for error messages and tools.
    public let source: String
    /// Number of capture groups.
    public let captureCount: Int
    /// Longest lookbehind in code units (PCRE2_INFO_MAXLOOKBEHIND).
    public let maxLookbehind: Int

    /// Compiles and JIT-compiles `pattern`.
    /// - Throws: `PCRE2Error` with the PCRE2 message and the offset into the pattern.
    public init(_ pattern: String, caseless: Bool = false, extended: Bool = false) throws {
        var errorCode: Int32 = 0
        var errorOffset = 0
        // USE_OFFSET_LIMIT lets a search stop at the end of a scan window (see `firstMatch`)
        // instead of running on into the lookahead margin. Searches without a match context
        // have no limit, as before.
        var options: UInt32 = UInt32(PCRE2_USE_OFFSET_LIMIT)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        if extended { options |= UInt32(PCRE2_EXTENDED) }
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer {
            pcre2_compile_8($0.baseAddress, $0.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else { throw PCRE2Error(code: errorCode, patternOffset: errorOffset) }
        let rc = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
        guard rc == 0 else {
            pcre2_code_free_8(compiled)
            throw PCRE2Error(code: rc, patternOffset: 0)
        }
        var captures: UInt32 = 0
        _ = pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        var lookbehind: UInt32 = 0
        _ = pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_MAXLOOKBEHIND), &lookbehind)
        self.code = compiled
        self.source = pattern
        self.captureCount = Int(captures)
        self.maxLookbehind = Int(lookbehind)
    }

    deinit { pcre2_code_free_8(code) }
}

/// Per-worker scratch for matching: PCRE2 match data (the ovector) sized for the largest
/// pattern it will serve, and a match context for offset limits. Not Sendable: one per
/// thread, reused for every match.
public final class PCRE2MatchData {
    let matchData: OpaquePointer
    let ovector: UnsafeMutablePointer<Int>
    let context: OpaquePointer

    /// - Parameter pairs: ovector pairs to allocate (capture groups + 1 of the largest pattern).
    public init(pairs: Int = 16) {
        guard let md = pcre2_match_data_create_8(UInt32(max(pairs, 1)), nil) else {
            fatalError("PCRE2 could not allocate match data (out of memory)")
        }
        guard let mc = pcre2_match_context_create_8(nil) else {
            fatalError("PCRE2 could not allocate a match context (out of memory)")
        }
        matchData = md
        ovector = pcre2_get_ovector_pointer_8(md)
        context = mc
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(matchData)
    }
}

extension PCRE2Pattern {
    /// The leftmost match whose search starts at or after `from` and no later than `lastStart`
    /// (PCRE2's offset limit), looking at `subject[0..<length]`.
    ///
    /// Lookbehinds see bytes before `from`; lookaheads see bytes up to `length`. Returns the
    /// range of the whole match (after any `\K`), or nil. A resource error (JIT stack, match
    /// limit) is reported as nil, never a trap: the scan path has no error path.
    ///
    /// A scan window ends where its matches may no longer start, but lookaheads must still see
    /// the bytes after it: the limit stops the search at the window's end instead of running on
    /// through the lookahead margin only to find a match that would be thrown away.
    @inline(__always)
    public func firstMatch(
        in subject: UnsafePointer<UInt8>, length: Int, from: Int, lastStart: Int, scratch: PCRE2MatchData
    ) -> Range<Int>? {
        guard from <= lastStart else { return nil }
        pcre2_set_offset_limit_8(scratch.context, lastStart)
        let rc = pcre2_jit_match_8(code, subject, length, from, 0, scratch.matchData, scratch.context)
        if rc < 0 { return nil }
        let s = scratch.ovector[0]
        let e = scratch.ovector[1]
        // With \K inside a lookahead the reported start can exceed the end; treat as empty at e.
        return s <= e ? s..<e : e..<e
    }

    /// Every match, PCRE2 global-iteration style, over `subject[from..<limit]` with lookahead up
    /// to `length`. Empty matches advance one byte. Matches starting at or after `limit` stop it.
    @inline(__always)
    public func forEachMatch(
        in subject: UnsafePointer<UInt8>, length: Int, from: Int, limit: Int, scratch: PCRE2MatchData,
        _ body: (Range<Int>, Int) -> Void
    ) {
        var start = from
        while start <= limit {
            let rc = pcre2_jit_match_8(code, subject, length, start, 0, scratch.matchData, nil)
            if rc < 0 { return }
            let s = scratch.ovector[0], e = scratch.ovector[1]
            // The match attempt began at or before s; report where the search had to begin too,
            // so callers can reason about windows.
            if s >= limit { return }
            body(s <= e ? s..<e : e..<e, start)
            start = e > s ? e : max(e, s) + 1
        }
    }

    /// Convenience for tools and tests: all matches in a byte array.
    public func allMatches(in bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let scratch = PCRE2MatchData(pairs: captureCount + 1)
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            forEachMatch(in: base, length: buf.count, from: 0, limit: buf.count, scratch: scratch) { r, _ in out.append(r) }
        }
        if bytes.isEmpty {
            // PCRE2 needs a non-null pointer even for an empty subject.
            var one: UInt8 = 0
            withUnsafePointer(to: &one) { p in
                forEachMatch(in: p, length: 0, from: 0, limit: 0, scratch: scratch) { r, _ in out.append(r) }
            }
        }
        return out
    }
}
