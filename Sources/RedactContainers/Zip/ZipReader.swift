import Foundation
import RedactCore
import ZIPFoundation

/// One member of a zip archive as its central directory describes it.
struct ZipMember {
    var name: String
    var method: UInt16
    var flags: UInt16
    var crc32: UInt32
    var compressedSize: Int
    /// As declared; never trusted for memory: inflation counts what it really produces.
    var declaredSize: Int
    var localHeaderOffset: Int
    var modificationTime: UInt16
    var modificationDate: UInt16
    var isDirectory: Bool { name.hasSuffix("/") }
}

/// Reads a zip archive held in memory, with limits checked while inflating.
///
/// Why not ZIPFoundation's `Archive` for reading (it is used for writing): its entry iterator
/// stops silently at a damaged central-directory record (a member would vanish unscanned), and
/// its extraction keeps asking for input past the member's end, so a truncated deflate stream at
/// the end of the file loops for ever. This reader parses the central directory itself, checks
/// every member's name, range and count, and inflates through ZIPFoundation's zlib binding
/// (`Data.decompress`) with a provider that serves exactly the member's compressed bytes and a
/// consumer that stops at the size and ratio limits, whatever the headers claim.
struct ZipReader {
    let bytes: [UInt8]
    private(set) var members: [ZipMember] = []

    init(_ bytes: [UInt8], limits: FormatLimits) throws {
        self.bytes = bytes
        let eocd = try Self.findEndRecord(bytes)
        let diskNumber = u16(eocd + 4), cdDisk = u16(eocd + 6)
        let count = Int(u16(eocd + 10))
        let cdSize = Int(u32(eocd + 12)), cdOffset = Int(u32(eocd + 16))
        if diskNumber != 0 || cdDisk != 0 { throw ContainerError.unsupported("multi-disk zip") }
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            throw ContainerError.unsupported("zip64")
        }
        if count > limits.maxMembers { throw ContainerError.limit("member count") }
        guard cdOffset + cdSize <= eocd else { throw ContainerError.corrupt("central directory out of range") }
        var at = cdOffset
        var seen = Set<String>()
        for _ in 0..<count {
            guard at + 46 <= cdOffset + cdSize, u32(at) == 0x0201_4b50 else {
                throw ContainerError.corrupt("central directory record")
            }
            let nameLength = Int(u16(at + 28)), extraLength = Int(u16(at + 30)), commentLength = Int(u16(at + 32))
            guard at + 46 + nameLength <= cdOffset + cdSize else { throw ContainerError.corrupt("member name") }
            let nameBytes = Array(bytes[(at + 46)..<(at + 46 + nameLength)])
            let flags = u16(at + 8)
            let name = try Self.memberName(nameBytes, utf8Flag: flags & 0x0800 != 0)
            let member = ZipMember(
                name: name, method: u16(at + 10), flags: flags, crc32: u32(at + 16),
                compressedSize: Int(u32(at + 20)), declaredSize: Int(u32(at + 24)),
                localHeaderOffset: Int(u32(at + 42)), modificationTime: u16(at + 12), modificationDate: u16(at + 14))
            if u32(at + 20) == 0xFFFF_FFFF || u32(at + 24) == 0xFFFF_FFFF || u32(at + 42) == 0xFFFF_FFFF {
                throw ContainerError.unsupported("zip64")
            }
            // Two members of one name: a reader could show the one that was not scanned.
            guard seen.insert(name).inserted else { throw ContainerError.duplicateMember }
            members.append(member)
            at += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The member's bytes, inflated within the limits, its bytes spent from `budget`.
    func read(_ m: ZipMember, limits: FormatLimits, budget: ByteBudget, path: String) throws -> [UInt8] {
        if m.flags & 0x0001 != 0 { throw ContainerError.unsupported("encrypted zip member") }
        let h = m.localHeaderOffset
        guard h + 30 <= bytes.count, u32(h) == 0x0403_4b50 else { throw ContainerError.corrupt("local header") }
        let dataStart = h + 30 + Int(u16(h + 26)) + Int(u16(h + 28))
        guard dataStart + m.compressedSize <= bytes.count else { throw ContainerError.corrupt("member data out of range") }
        let compressed = dataStart..<(dataStart + m.compressedSize)
        var out: [UInt8] = []
        switch m.method {
        case 0:
            if m.compressedSize > limits.maxPartBytes { throw ContainerError.limit("member size (--max-part-bytes)") }
            try budget.spend(m.compressedSize, path: path, part: nil)
            out = Array(bytes[compressed])
        case 8:
            out = try inflate(compressed, run: InflateRun(limits: limits, budget: budget, path: path))
        default:
            throw ContainerError.unsupported("zip compression method \(m.method)")
        }
        // The headers were not trusted for memory; now that the member is read they must agree.
        if out.count != m.declaredSize { throw ContainerError.corrupt("member size differs from its header") }
        if Data(out).crc32(checksum: 0) != m.crc32 { throw ContainerError.corrupt("member checksum") }
        return out
    }

    private func inflate(_ range: Range<Int>, run: InflateRun) throws -> [UInt8] {
        var out: [UInt8] = []
        var served = range.lowerBound
        let source = bytes
        let compressedCount = range.count
        do {
            _ = try Data.decompress(
                size: Int64(range.count), bufferSize: 64 * 1024, skipCRC32: true,
                provider: { _, chunk in
                    // Past the member's last byte the stream is truncated: say so, or zlib
                    // would be asked for more for ever.
                    guard served < range.upperBound else { throw ContainerError.corrupt("truncated deflate stream") }
                    let end = min(range.upperBound, served + chunk)
                    defer { served = end }
                    return Data(source[served..<end])
                },
                consumer: { data in
                    try run.produced(data.count, compressed: compressedCount)
                    out.append(contentsOf: data)
                })
        } catch let e as ContainerError {
            throw e
        } catch let e as FormatError {
            throw e
        } catch {
            throw ContainerError.corrupt("deflate stream")
        }
        return out
    }

    // MARK: - Structure

    private static func findEndRecord(_ bytes: [UInt8]) throws -> Int {
        guard bytes.count >= 22 else { throw ContainerError.corrupt("not a zip archive") }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var i = bytes.count - 22
        while i >= lowest {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 { return i }
            i -= 1
        }
        throw ContainerError.corrupt("no end of central directory")
    }

    /// The member's name, refused when it could escape an extraction folder or is not text.
    private static func memberName(_ raw: [UInt8], utf8Flag: Bool) throws -> String {
        guard !raw.isEmpty, !raw.contains(0) else { throw ContainerError.unsafeMemberName }
        // Names not flagged UTF-8 are CP437 by the standard; any non-ASCII byte there is refused
        // rather than guessed.
        if !utf8Flag && raw.contains(where: { $0 >= 0x80 }) { throw ContainerError.unsupported("non-UTF-8 member name") }
        guard let name = String(validating: raw, as: UTF8.self) else { throw ContainerError.unsafeMemberName }
        if name.hasPrefix("/") || name.contains("\\") || name.hasPrefix("~") { throw ContainerError.unsafeMemberName }
        if name.count >= 2, name.dropFirst().first == ":" { throw ContainerError.unsafeMemberName }
        for component in name.split(separator: "/", omittingEmptySubsequences: false)
        where component == ".." || component == "." {
            throw ContainerError.unsafeMemberName
        }
        return name
    }

    private func u16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
    private func u32(_ i: Int) -> UInt32 {
        UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }
}

/// Counts one member's inflated bytes against the part limit, the ratio, and the input's budget.
private final class InflateRun {
    /// Members smaller than this are exempt from the ratio test: a short run of repeated XML
    /// compresses very well.
    static let ratioFloor = 1 << 20
    let limits: FormatLimits
    let budget: ByteBudget
    let path: String
    var total = 0

    init(limits: FormatLimits, budget: ByteBudget, path: String) {
        self.limits = limits
        self.budget = budget
        self.path = path
    }

    func produced(_ count: Int, compressed: Int) throws {
        total += count
        try budget.spend(count, path: path, part: nil)
        if total > limits.maxPartBytes { throw ContainerError.limit("member size (--max-part-bytes)") }
        if total > Self.ratioFloor, total / max(compressed, 1) > limits.maxRatio {
            throw ContainerError.limit("compression ratio (--max-ratio)")
        }
    }
}
