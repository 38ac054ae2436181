import Foundation
import ZIPFoundation

/// Writes a zip archive in memory through ZIPFoundation: the members of a redacted DOCX or
/// bundle, in the original order, with the original names, compression methods and times.
struct ZipWriter {
    private let archive: Archive

    init() throws {
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw ContainerError.unsupported("in-memory zip archive")
        }
    }

    /// Adds `content` as `member`'s replacement (or a directory for a name ending in `/`), under
    /// `name` when the member's name was redacted.
    func add(_ member: ZipMember, content: [UInt8], name: String? = nil) throws {
        let date = Self.date(dosDate: member.modificationDate, dosTime: member.modificationTime)
        if member.isDirectory {
            try archive.addEntry(with: name ?? member.name, type: .directory, uncompressedSize: Int64(0), modificationDate: date,
                                 provider: { _, _ in Data() })
            return
        }
        let data = Data(content)
        try archive.addEntry(
            with: name ?? member.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
            compressionMethod: member.method == 0 ? .none : .deflate,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }

    func finish() throws -> [UInt8] {
        guard let data = archive.data else { throw ContainerError.unsupported("in-memory zip archive") }
        return [UInt8](data)
    }

    /// The member's MS-DOS time as a `Date` in the local time zone, which is how ZIPFoundation
    /// writes it back.
    private static func date(dosDate: UInt16, dosTime: UInt16) -> Date {
        var c = DateComponents()
        c.year = Int(dosDate >> 9) + 1980
        c.month = max(1, min(12, Int(dosDate >> 5 & 0xF)))
        c.day = max(1, Int(dosDate & 0x1F))
        c.hour = Int(dosTime >> 11)
        c.minute = Int(dosTime >> 5 & 0x3F)
        c.second = Int(dosTime & 0x1F) * 2
        return Calendar.current.date(from: c) ?? Date(timeIntervalSince1970: 315_532_800)
    }
}
