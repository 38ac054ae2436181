import RedactCore

/// One planted item from `truth.jsonl`: the findings contract (`path`, `start`, `end`,
/// `category`, `rule`) plus the planted `text`, whose bytes are exactly `start..<end`.
public struct TruthItem: Codable, Sendable, Hashable {
    public var path: String
    public var start: Int
    public var end: Int
    public var category: Category
    public var rule: String?
    /// The bytes of the span as UTF-8 text; used to decide which bytes are letters or digits.
    public var text: String?
    /// The planted form, when the generator records one (`chi`, `hc`, `temporary`, `sf`).
    public var variant: String?

    public init(path: String, start: Int, end: Int, category: Category, rule: String? = "planted",
                text: String? = nil, variant: String? = nil) {
        self.path = path; self.start = start; self.end = end; self.category = category
        self.rule = rule; self.text = text; self.variant = variant
    }
}

/// One look-alike from `decoys.jsonl`: a span no finder should report.
public struct DecoyItem: Codable, Sendable, Hashable {
    public var path: String
    public var start: Int
    public var end: Int
    public var text: String?
    /// The category a careless finder would report for it.
    public var looksLike: Category?
    /// What kind of look-alike it is (`statute`, `time`, `card_luhn`...).
    public var kind: String?

    enum CodingKeys: String, CodingKey {
        case path, start, end, text, kind
        case looksLike = "looks_like"
    }

    public init(path: String, start: Int, end: Int, text: String? = nil, looksLike: Category? = nil, kind: String? = nil) {
        self.path = path; self.start = start; self.end = end; self.text = text; self.looksLike = looksLike; self.kind = kind
    }
}

/// One finding in the findings contract (`scan --format jsonl`). Further fields are ignored.
public struct FindingRecord: Codable, Sendable, Hashable {
    public var path: String
    public var start: Int
    public var end: Int
    public var category: Category
    public var rule: String

    public init(path: String, start: Int, end: Int, category: Category, rule: String = "") {
        self.path = path; self.start = start; self.end = end; self.category = category; self.rule = rule
    }
}
