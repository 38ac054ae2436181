import Foundation

/// The reviews in progress, in memory: a document lives here only while its operator works on it.
///
/// Bounded (``capacity`` reviews, each idle for at most ``idleLimit``), so an abandoned review's
/// text does not stay on the server. Ids are 128 random bits: knowing one does not let anyone
/// else in, since every step also checks the owner and the area.
public actor ReviewStore {
    public let capacity: Int
    public let idleLimit: TimeInterval
    private var reviews: [String: (doc: ReviewDocument, touched: Date)] = [:]

    public init(capacity: Int = 200, idleLimit: TimeInterval = 4 * 3600) {
        self.capacity = capacity
        self.idleLimit = idleLimit
    }

    public static func newID() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", g.next() as UInt64) }.joined()
    }

    /// Stores a new review and returns its id; the oldest idle review makes room if needed.
    public func add(_ doc: ReviewDocument, now: Date = Date()) -> String {
        expire(now: now)
        if reviews.count >= capacity, let oldest = reviews.min(by: { $0.value.touched < $1.value.touched })?.key {
            reviews[oldest] = nil
        }
        let id = Self.newID()
        reviews[id] = (doc, now)
        return id
    }

    public func get(_ id: String, now: Date = Date()) -> ReviewDocument? {
        expire(now: now)
        guard let r = reviews[id] else { return nil }
        reviews[id]?.touched = now
        return r.doc
    }

    public func put(_ id: String, _ doc: ReviewDocument, now: Date = Date()) {
        reviews[id] = (doc, now)
    }

    public func remove(_ id: String) { reviews[id] = nil }

    public var count: Int { reviews.count }

    private func expire(now: Date) {
        for (id, r) in reviews where now.timeIntervalSince(r.touched) > idleLimit { reviews[id] = nil }
    }
}
