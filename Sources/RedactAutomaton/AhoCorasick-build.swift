extension AhoCorasick {
    /// Builds the automaton for `patterns`, reporting each match with the pattern's id.
    ///
    /// The build is a trie over byte classes, failure links and output lists computed
    /// breadth-first, then a table layout: complete DFA rows for the states nearest the start
    /// (up to `options.maxDenseTableBytes`) and sparse records for the rest, every id
    /// premultiplied (see `TableLayout`). Time is about `O(states × classes)`; 10,000 names
    /// build in a few tens of milliseconds.
    ///
    /// - Parameters:
    ///   - patterns: the byte strings to find. Any bytes; none may be empty. Duplicates are
    ///     allowed (the same bytes under different ids are all reported).
    ///   - ids: the id to report for each pattern, same count as `patterns`; `nil` means each
    ///     pattern's index. Several patterns may share an id only if they have the same length.
    ///   - options: case folding, state limit, start-skip policy.
    /// - Throws: `AutomatonBuildError` for an empty pattern, an id given two lengths, or more
    ///   states than `options.maxStates` (or than premultiplied `Int32` ids can address).
    /// - Precondition: `ids`, when given, has one entry per pattern.
    public convenience init(
        patterns: [[UInt8]], ids: [Int32]? = nil, options: AutomatonOptions = AutomatonOptions()
    ) throws(AutomatonBuildError) {
        let ids = ids ?? (0..<patterns.count).map { Int32($0) }
        precondition(ids.count == patterns.count, "AhoCorasick: ids.count must equal patterns.count")
        if let empty = patterns.firstIndex(where: { $0.isEmpty }) {
            throw AutomatonBuildError(.emptyPattern(index: empty))
        }
        // One flat copy of the patterns, which every pass below reads (`FlatPatterns`).
        let flat = FlatPatterns(patterns)
        let patternLengths = (0..<flat.count).map(flat.length)
        let lengths = try PatternLengths(ids: ids, lengths: patternLengths)

        let caseInsensitive = options.asciiCaseInsensitive
        let fold: (UInt8) -> UInt8 = { caseInsensitive ? asciiLowercase($0) : $0 }
        var used = [Bool](repeating: false, count: 256)
        for b in flat.bytes { used[Int(caseInsensitive ? asciiLowercase(b) : b)] = true }
        let classes = ByteClasses(used: used, fold: fold)
        let stride = classes.count + 1
        // Ids are Int32 offsets; a sparse record takes at least 3 entries per state.
        let maxStates = min(options.maxStates, Int(Int32.max) / 8)

        var trie = Trie(classCount: classes.count, capacity: min(flat.bytes.count, maxStates) + 1)
        try flat.bytes.withUnsafeBufferPointer { (all) throws(AutomatonBuildError) in
            for k in flat.insertionOrder(classes) {
                try trie.insert(flat.pattern(k, in: all), id: ids[k], classes: classes, maxStates: maxStates)
            }
        }
        let links = trie.links()
        let layout = try TableLayout(
            trie: trie, links: links,
            maxDenseStates: max(1, options.maxDenseTableBytes / (stride * 4)), maxStates: maxStates)

        let start = StartSkip(
            exact: (0..<256).map { layout.table[Int(classes.map[$0])] != 0 },
            mode: options.startSkip)
        // The length of each listed id, where `scanWordStarts` needs it: one load per output.
        var listLengths = [Int32](repeating: 0, count: links.lists.count)
        var at = 1
        while at < links.lists.count {
            let count = Int(links.lists[at])
            for k in 0..<count { listLengths[at + 1 + k] = Int32(lengths.length(of: links.lists[at + 1 + k])) }
            at += count + 1
        }
        self.init(
            table: layout.table, gotoRows: layout.gotoRows, listLengths: listLengths,
            prefixFilter: PrefixFilter(patterns: flat, asciiCaseInsensitive: caseInsensitive), stride: stride, byteClasses: classes,
            firstMatchState: layout.firstMatchState, sparseBase: layout.sparseBase,
            matchLists: links.lists, startSkip: start, maxPatternLength: patternLengths.max() ?? 0, lengths: lengths,
            patternCount: patterns.count, stateCount: trie.stateCount,
            denseStateCount: layout.denseStateCount,
            asciiCaseInsensitive: options.asciiCaseInsensitive)
    }
}
