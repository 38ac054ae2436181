#!/usr/bin/env python3
"""The UK pack's patterns in forms the peers can take.

Input: the JSON lines of `redact-pack-export` (id, category, caseless, pattern: the PCRE2 source
the engine compiles, dictionaries expanded). Forms:

- `pcre2`:  the pattern as is, `(?x)` comments removed and its lines joined (ripgrep takes one
            pattern per line), `(?i)` in front of a caseless rule. For `rg -P`.
- `guardless`: the same with what automata engines cannot take removed: lookbehind and
            lookahead groups (`(?<!...)`, `(?<=...)`, `(?!...)`, `(?=...)`) are dropped, `\\K` is
            dropped, and a backreference `\\N` is replaced by the source of group N. This matches
            MORE than the pack (guards are what keep `ABC1234567` from yielding a match inside
            it). For ripgrep's default engine and Hyperscan.

usage: peerpatterns.py FORM EXPORT.jsonl > patterns.txt      (one pattern per line)
       peerpatterns.py hyperscan-tsv EXPORT.jsonl > p.tsv     (id TAB caseless TAB guardless, for hsbench.c)
       python3 -c 'import peerpatterns; ...'                  (as a module, see peers.py)
"""
import json
import sys


def load(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def _class_end(p, i):
    """Index just past the character class that starts at p[i] == '['."""
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1
    while j < len(p):
        if p[j] == "\\":
            j += 2
            continue
        if p[j] == "[" and p[j + 1:j + 2] == ":":  # POSIX class [:alpha:]
            k = p.find(":]", j + 2)
            if k >= 0:
                j = k + 2
                continue
        if p[j] == "]":
            return j + 1
        j += 1
    raise ValueError("unterminated class")


def one_line(p):
    """A `(?x)` pattern as an equivalent plain one on one line: comments and insignificant
    whitespace removed, `(?x)` dropped, a space inside a class written `\\x20` (PCRE2 keeps
    class spaces in (?x) mode; Rust's regex, ripgrep's default engine, ignores them). ripgrep
    takes one pattern per line, so multi-line sources must become one line."""
    if not p.startswith("(?x)"):
        if "\n" in p:
            raise ValueError("multi-line pattern without (?x)")
        return p
    p = p[len("(?x)"):]
    out, i = [], 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            out.append("\\x20" if p[i + 1:i + 2] == " " else p[i:i + 2])
            i += 2
        elif c == "[":
            j = _class_end(p, i)
            out.append(p[i:j].replace(" ", "\\x20"))
            i = j
        elif c == "#":
            while i < len(p) and p[i] != "\n":
                i += 1
        elif c in " \t\n\r\f\v":
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _group_end(p, i):
    """Index just past the group that opens at p[i] == '('."""
    depth, j = 0, i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ValueError("unbalanced parentheses")


def _capture_groups(p):
    """Source text of each capturing group, by number (1-based)."""
    groups, i = {}, 0
    n = 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(p, i)
            continue
        if c == "(" and not p.startswith("(?", i) and not p.startswith("(*", i):
            n += 1
            groups[n] = p[i:_group_end(p, i)]
        elif c == "(" and p.startswith("(?<", i) and not p.startswith("(?<=", i) and not p.startswith("(?<!", i):
            n += 1  # named group
            groups[n] = p[i:_group_end(p, i)]
        elif c == "(" and p.startswith("(?P<", i):
            n += 1
            groups[n] = p[i:_group_end(p, i)]
        i += 1
    return groups


_RUST_META = set("\\.+*?()|[]{}^$#&-~")


def strip_guards(p):
    """Drops lookarounds and \\K, replaces backreferences by their group's source."""
    groups = _capture_groups(p)
    out, i = [], 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            nxt = p[i + 1:i + 2]
            if nxt == "K":
                i += 2
                continue
            if nxt.isdigit() and nxt != "0":
                g = groups.get(int(nxt))
                if g is None:
                    raise ValueError("backreference to an unknown group")
                # (?: ...) of the group's inside, without its own capture
                inner = g[1:-1]
                out.append("(?:" + strip_guards(inner) + ")")
                i += 2
                continue
            # Rust's regex (ripgrep's default engine) refuses escapes of characters that are
            # not metacharacters, such as \' in "Jehovah\'s": write those characters bare.
            if nxt and not nxt.isalnum() and nxt not in _RUST_META and nxt.isascii() and nxt.isprintable() and nxt != " ":
                out.append(nxt)
            else:
                out.append(p[i:i + 2])
            i += 2
        elif c == "[":
            j = _class_end(p, i)
            out.append(p[i:j])
            i = j
        elif p.startswith(("(?<!", "(?<=", "(?!", "(?="), i):
            i = _group_end(p, i)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def form(rule, kind):
    p = one_line(rule["pattern"])
    if kind == "guardless":
        p = strip_guards(p)
    elif kind != "pcre2":
        raise ValueError(kind)
    if rule["caseless"]:
        p = "(?i)" + p
    return p


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    for r in load(path):
        if kind == "hyperscan-tsv":
            # id, caseless flag (Hyperscan takes it as HS_FLAG_CASELESS), guardless pattern
            print(f"{r['id']}\t{int(r['caseless'])}\t{form(dict(r, caseless=False), 'guardless')}")
        else:
            print(form(r, kind))
