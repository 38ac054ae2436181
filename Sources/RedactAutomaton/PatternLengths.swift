/// The byte length of each pattern id, so a caller can turn a match end into a start.
///
/// Ids are the caller's: usually small indexes, so a dense array (one load per match) is the
/// common case; ids spread wider than that fall back to a dictionary rather than an array sized
/// by the largest id.
struct PatternLengths: Sendable {
    private let dense: [Int32]
    private let sparse: [Int32: Int]

    /// Records `lengths[i]` for `ids[i]`, or reports the first id given two lengths.
    init(ids: [Int32], lengths: [Int]) throws(AutomatonBuildError) {
        let bound = max(1024, 4 * ids.count)
        if ids.allSatisfy({ $0 >= 0 && Int($0) < bound }) {
            let size = Int(ids.max() ?? -1) + 1
            var dense = [Int32](repeating: -1, count: size)
            for (id, length) in zip(ids, lengths) {
                let known = dense[Int(id)]
                if known >= 0 && Int(known) != length {
                    throw AutomatonBuildError(.conflictingLengths(id: id, first: Int(known), second: length))
                }
                dense[Int(id)] = Int32(length)
            }
            self.dense = dense
            self.sparse = [:]
        } else {
            var sparse: [Int32: Int] = [:]
            for (id, length) in zip(ids, lengths) {
                if let known = sparse[id], known != length {
                    throw AutomatonBuildError(.conflictingLengths(id: id, first: known, second: length))
                }
                sparse[id] = length
            }
            self.dense = []
            self.sparse = sparse
        }
    }

    /// The length for `id`.
    ///
    /// - Precondition: `id` was given at build time.
    func length(of id: Int32) -> Int {
        if !dense.isEmpty {
            let i = Int(id)
            precondition(i >= 0 && i < dense.count && dense[i] >= 0, "unknown pattern id")
            return Int(dense[i])
        }
        guard let length = sparse[id] else { preconditionFailure("unknown pattern id") }
        return length
    }

    /// Bytes held, for size reports.
    var memoryBytes: Int { dense.count * 4 + sparse.count * 16 }
}
