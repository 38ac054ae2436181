/// Maps a finding's path onto a corpus path (as written in truth/decoys, relative to the corpus
/// directory). A scanner prints paths as given on its command line, so a finding may say
/// `corpus/sample/statement_001.txt` or `/abs/.../statement_001.txt` for `statement_001.txt`.
///
/// Rule, in order: (1) with a `root`, strip `root/` from the front and look the rest up exactly;
/// (2) exact match; (3) the longest corpus path `p` such that the finding path ends in `/p`.
/// A leading `./` is ignored everywhere. Unmatched findings are outside the corpus.
public struct PathMatcher: Sendable {
    let known: Set<String>
    let root: String?

    public init(corpusPaths: some Sequence<String>, root: String? = nil) {
        known = Set(corpusPaths.map(PathMatcher.normalise))
        if let r = root.map(PathMatcher.normalise), !r.isEmpty {
            self.root = r.hasSuffix("/") ? r : r + "/"
        } else {
            self.root = nil
        }
    }

    static func normalise(_ p: String) -> String {
        var s = Substring(p)
        while s.hasPrefix("./") { s = s.dropFirst(2) }
        return String(s)
    }

    public func match(_ findingPath: String) -> String? {
        let p = PathMatcher.normalise(findingPath)
        if let r = root, p.hasPrefix(r) {
            let rest = String(p.dropFirst(r.count))
            if known.contains(rest) { return rest }
        }
        if known.contains(p) { return p }
        var best: String?
        for k in known where p.hasSuffix("/" + k) {
            if best == nil || k.count > best!.count { best = k }
        }
        return best
    }
}
