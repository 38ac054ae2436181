#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H

// Must come before <pcre2.h>: selects the 8-bit library. The generic names
// (pcre2_compile, pcre2_code, ...) are token-pasting macros that Swift cannot
// import; Swift sees only the real symbols pcre2_compile_8, pcre2_code_8, ...
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_ZERO_TERMINATED / PCRE2_UNSET are (~(PCRE2_SIZE)0): a cast macro Swift
// cannot import, and as a `static const size_t` it overflows Swift's Int.
// Functions hand the value over as Int(-1), the same bit pattern.
static inline PCRE2_SIZE CPCRE2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
static inline PCRE2_SIZE CPCRE2_unset(void) { return PCRE2_UNSET; }

#endif
