import RedactCore
import Crypto
import Foundation

/// One stored value. The log stores only integers and text (tables are `STRICT`), so the
/// canonical encoding needs no floating point and no type coercion.
public enum LogValue: Hashable, Sendable {
    case null
    case int(Int64)
    case text(String)

    var isNull: Bool { if case .null = self { true } else { false } }
    var text: String? { if case .text(let s) = self { s } else { nil } }
    var int: Int64? { if case .int(let n) = self { n } else { nil } }
}

/// What an entry is, independent of which log holds it: the `entry` content columns and the
/// rows of each child table (indexed like ``Schema/children``), values in column order.
public struct EntryContent: Sendable, Equatable {
    public var entry: [LogValue]
    public var children: [[[LogValue]]]

    init(entry: [LogValue], children: [[[LogValue]]] = Array(repeating: [], count: Schema.children.count)) {
        self.entry = entry
        self.children = children
    }

    var entryID: String { entry[0].text ?? "" }
    var kind: String { entry[1].text ?? "" }
    var recordedAt: String { entry[2].text ?? "" }
    var area: String { entry[3].text ?? "" }
}

/// An entry's place in one log's chain.
public struct EntryLink: Sendable, Equatable {
    public var seq: Int64
    public var originLog: String?
    public var originSeq: Int64?
    public var originPrevHash: String?
    public var originHash: String?
    public var prevHash: String

    var values: [LogValue] {
        [.int(seq), originLog.map(LogValue.text) ?? .null, originSeq.map(LogValue.int) ?? .null,
         originPrevHash.map(LogValue.text) ?? .null, originHash.map(LogValue.text) ?? .null, .text(prevHash)]
    }
}

/// The hand-written canonical encoding that the hash chain is computed over.
///
/// ## Why by hand
/// JSON and property-list encoders promise no key order and no number format, and a hash over
/// their output could change with a Foundation update and make an honest log fail `verify`.
/// This encoding is defined here, byte by byte, and never changes for version 1 logs:
///
/// ```
/// hash    = SHA-256( "redact-log/1\n" || row(link) || content )
/// content = row(entry) || group*               (one group per child table with rows, schema order)
/// group   = 'G' || str(table) || u32(row count) || row*
/// row     = 'R' || str(table) || u32(non-null field count) || field*
/// field   = str(column) || ('I' || i64) | ('T' || str(value))
/// str(s)  = u32(byte length of UTF-8) || bytes;  u32, i64: big-endian
/// ```
///
/// Every stored column of every row is a field, by name, in ``Schema`` order. NULL columns are
/// omitted (the count says how many follow), so a later migration that adds a nullable column
/// leaves the hashes of older entries unchanged. `link` holds `seq`, the `origin_*` columns and
/// `prev_hash`; the first entry's `prev_hash` is ``HashChain/genesis(logID:)``.
final class CanonicalEncoder {
    // A hand-managed buffer: `verify` encodes every row of a million-entry log, and Array's
    // append (uniqueness checks, retain/release per call) was a third of its time.
    private(set) var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1 << 14) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    deinit { base.deallocate() }

    func reset() { count = 0 }

    /// The encoded bytes (valid until the next write).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
    /// A copy of the encoded bytes.
    var array: [UInt8] { Array(bytes) }

    @inline(__always) private func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        var c = capacity * 2
        while c < count + n { c *= 2 }
        let b = UnsafeMutableRawPointer.allocate(byteCount: c, alignment: 8)
        b.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = b
        capacity = c
    }

    @inline(__always) func byte(_ b: UInt8) {
        reserve(1)
        base.storeBytes(of: b, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    @inline(__always) func u32(_ v: Int) {
        reserve(4)
        base.storeBytes(of: UInt32(truncatingIfNeeded: v).bigEndian, toByteOffset: count, as: UInt32.self)
        count += 4
    }

    @inline(__always) func i64(_ v: Int64) {
        reserve(8)
        base.storeBytes(of: v.bigEndian, toByteOffset: count, as: Int64.self)
        count += 8
    }

    @inline(__always) func raw(_ p: UnsafeRawBufferPointer) {
        guard p.count > 0 else { return }
        reserve(p.count)
        (base + count).copyMemory(from: p.baseAddress!, byteCount: p.count)
        count += p.count
    }

    func raw(_ a: [UInt8]) { a.withUnsafeBytes { raw($0) } }

    /// `str(s)`: u32 length, then the bytes.
    @inline(__always) func str(_ p: UnsafeRawBufferPointer) {
        u32(p.count)
        raw(p)
    }

    func str(_ s: String) {
        var s = s
        s.withUTF8 { str(UnsafeRawBufferPointer($0)) }
    }

    /// Starts a row or group; returns where its count goes, to patch with ``patch(at:count:)``.
    @inline(__always) func begin(_ header: StaticBytes) -> Int {
        raw(header.bytes)
        let at = count
        u32(0)
        return at
    }

    @inline(__always) func patch(at position: Int, count n: Int) {
        base.storeBytes(of: UInt32(n).bigEndian, toByteOffset: position, as: UInt32.self)
    }

    /// Encodes a row held in memory.
    func row(_ names: EncodedNames, _ values: [LogValue]) {
        let at = begin(names.rowHeader)
        var n = 0
        for (k, v) in values.enumerated() {
            switch v {
            case .null: continue
            case .int(let x): raw(names.columns[k].bytes); byte(0x49); i64(x)
            case .text(let s): raw(names.columns[k].bytes); byte(0x54); str(s)
            }
            n += 1
        }
        patch(at: at, count: n)
    }

    /// Encodes an entry's content (see the type's documentation).
    func content(_ c: EntryContent) {
        row(EncodedNames.entry, c.entry)
        for (t, rows) in c.children.enumerated() where !rows.isEmpty {
            let names = EncodedNames.children[t]
            let at = begin(names.groupHeader)
            for r in rows { row(names, r) }
            patch(at: at, count: rows.count)
        }
    }
}

/// Bytes allocated once for the life of the process (pre-encoded names). Never freed, never
/// written after creation, hence safe to share.
struct StaticBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    init(_ a: [UInt8]) {
        let p = UnsafeMutableRawBufferPointer.allocate(byteCount: max(a.count, 1), alignment: 8)
        p.copyBytes(from: a)
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[0..<a.count])
    }
}

/// Pre-encoded table and column names (`str(name)`), so hashing does not re-encode them per row.
struct EncodedNames: Sendable {
    let rowHeader: StaticBytes
    let groupHeader: StaticBytes
    let columns: [StaticBytes]

    init(_ table: Schema.Table) {
        func str(_ s: String) -> [UInt8] {
            let u = Array(s.utf8)
            let n = UInt32(u.count)
            return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + u
        }
        rowHeader = StaticBytes([0x52] + str(table.name))
        groupHeader = StaticBytes([0x47] + str(table.name))
        columns = table.columns.map { StaticBytes(str($0.name)) }
    }

    static let entry = EncodedNames(Schema.entryContent)
    static let link = EncodedNames(Schema.entryLink)
    static let children = Schema.children.map(EncodedNames.init)
}

/// The chain's hash function and the genesis value.
public enum HashChain {
    static let domain = StaticBytes(Array("redact-log/1\n".utf8))

    /// The `prev_hash` of a log's first entry: binds the chain to the log's id, so entries cannot
    /// be moved wholesale into another log and still verify as its own.
    public static func genesis(logID: String) -> String {
        hex(SHA256.hash(data: Array("redact-log/1 genesis\n\(logID)".utf8)))
    }

    /// `SHA-256(domain || row(link) || content)`, where `contentBytes` is the encoded content.
    static func hash(link: EntryLink, contentBytes: UnsafeRawBufferPointer) -> String {
        let enc = CanonicalEncoder(capacity: 512)
        enc.raw(domain.bytes)
        enc.row(EncodedNames.link, link.values)
        var h = SHA256()
        h.update(bufferPointer: enc.bytes)
        h.update(bufferPointer: contentBytes)
        return hex(h.finalize())
    }

    static func hash(link: EntryLink, contentBytes: [UInt8]) -> String {
        contentBytes.withUnsafeBytes { hash(link: link, contentBytes: $0) }
    }

    /// The hash the entry had in its origin log: its origin link with no origin of its own.
    static func originHash(link: EntryLink, contentBytes: UnsafeRawBufferPointer) -> String? {
        guard let prev = link.originPrevHash, let seq = link.originSeq else { return nil }
        return hash(link: EntryLink(seq: seq, prevHash: prev), contentBytes: contentBytes)
    }

    static func originHash(link: EntryLink, contentBytes: [UInt8]) -> String? {
        contentBytes.withUnsafeBytes { originHash(link: link, contentBytes: $0) }
    }

    static func contentBytes(_ c: EntryContent) -> [UInt8] {
        let enc = CanonicalEncoder()
        enc.content(c)
        return enc.array
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether `hex` (64 lower-case digits, e.g. read from the database) spells `digest`.
    static func hexEquals(_ digest: SHA256.Digest, _ hex: UnsafeRawBufferPointer) -> Bool {
        guard hex.count == 64 else { return false }
        var i = 0
        for b in digest {
            guard hex[i] == hexDigits[Int(b >> 4)], hex[i + 1] == hexDigits[Int(b & 0xF)] else { return false }
            i += 2
        }
        return true
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 { Hex.encode(digest) }
}

extension EntryLink {
    init(seq: Int64, prevHash: String) {
        self.init(seq: seq, originLog: nil, originSeq: nil, originPrevHash: nil, originHash: nil, prevHash: prevHash)
    }
}

/// SHA-256 helpers for callers (document digests for disclosure events).
public enum LogDigest {
    /// Lower-case hex SHA-256 of `bytes`, the form disclosure events store.
    public static func sha256Hex<B: DataProtocol>(_ bytes: B) -> String {
        HashChain.hex(SHA256.hash(data: bytes))
    }
}
