import Foundation

/// Bounds on what one input may cost, so a hostile document (a zip bomb, a ten-million-byte
/// CSV field, JSON nested ten thousand deep) gives a clear `FormatError` instead of unbounded
/// memory or a stack overflow. Every limit has a `--max-...` option.
public struct FormatLimits: Sendable, Hashable {
    /// One decoded part held in memory: a zip member, a MIME part, a whole in-memory document
    /// (`--max-part-bytes`).
    public var maxPartBytes: Int
    /// All decoded parts of one input together (`--max-total-bytes`).
    public var maxTotalBytes: Int
    /// Decoded size over stored size of a compressed member (`--max-ratio`): the zip-bomb test
    /// that needs no decompression.
    public var maxRatio: Int
    /// Nesting inside one document: JSON arrays and objects, MIME multiparts, XML elements
    /// (`--max-depth`).
    public var maxDepth: Int
    /// Containers inside containers: a DOCX in an email in a zip is 3 (`--max-nesting`).
    public var maxNesting: Int
    /// One field as stored: a CSV cell, a JSON string or number (`--max-field-bytes`).
    public var maxFieldBytes: Int
    /// Members of one container (`--max-members`).
    public var maxMembers: Int

    public init(maxPartBytes: Int = 256 << 20, maxTotalBytes: Int = 2 << 30, maxRatio: Int = 200, maxDepth: Int = 256,
                maxNesting: Int = 8, maxFieldBytes: Int = 16 << 20, maxMembers: Int = 10_000) {
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.maxDepth = maxDepth
        self.maxNesting = maxNesting
        self.maxFieldBytes = maxFieldBytes
        self.maxMembers = maxMembers
    }

    public static let `default` = FormatLimits()
}

/// Decoded bytes spent on one input across all its parts, shared by nested formats (which
/// may run on other threads), so a bundle of many small bombs is caught as well as one big one.
public final class ByteBudget: @unchecked Sendable {
    public let limit: Int
    private var spent = 0
    private let lock = NSLock()

    public init(limit: Int) { self.limit = limit }

    /// Records `bytes` more. - Throws: `FormatError.limitExceeded` past the limit.
    public func spend(_ bytes: Int, path: String, part: String?) throws {
        lock.lock()
        spent += bytes
        let total = spent
        lock.unlock()
        if total > limit {
            throw FormatError(.limitExceeded, path: path, part: part,
                              detail: "more than \(limit) decoded bytes in one input (--max-total-bytes)")
        }
    }

    public var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return spent
    }
}
