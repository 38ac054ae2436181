#if canImport(Glibc)
import Glibc
#endif
import RedactCore

/// Where `StreamScanner`'s block loop gets its bytes. `bytes[0]` is at absolute offset `base`;
/// `fill(upTo:)` makes `bytes` reach that offset or the end of the input; `drop(before:)` says
/// the bytes before an offset are no longer needed (the sink was told with `release` first).
/// `bytes` stays valid until the next `fill` or `drop`.
protocol BlockSource: AnyObject {
    var base: Int { get }
    var eof: Bool { get }
    var bytes: UnsafeBufferPointer<UInt8> { get }
    func fill(upTo end: Int) throws
    func drop(before offset: Int)
}

/// Bytes read with `read(2)` (standard input, pipes, `--no-mmap`), or `pread(2)` at absolute
/// offsets for a segment of a regular file, into one buffer reused for the whole input. It grows
/// to about a block and its two overlaps; reads land in spare capacity, never zero-filled first.
final class ReadSource: BlockSource {
    private let fd: Int32
    private let path: String
    private let chunk: Int
    /// pread at absolute offsets (a segment) instead of read from the current position.
    private let positional: Bool
    /// No byte at or past this absolute offset is read (a segment's end plus overlap).
    private let limit: Int
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private(set) var base: Int
    private(set) var eof = false

    init(fd: Int32, path: String, chunk: Int, capacity: Int, positional: Bool = false, base: Int = 0, limit: Int = .max) {
        self.fd = fd
        self.path = path
        self.chunk = chunk
        self.positional = positional
        self.base = base
        self.limit = limit
        self.capacity = max(1, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    func fill(upTo end: Int) throws {
        while !eof && base + count < end {
            let position = base + count
            guard position < limit else { eof = true; return }
            let want = max(1, min(chunk, end - position, limit - position))
            reserve(want)
            let n = try readOnce(into: storage + count, want, at: position)
            if n == 0 { eof = true } else { count += n }
        }
    }

    func drop(before offset: Int) {
        let n = min(count, offset - base)
        guard n > 0 else { return }
        memmove(storage, storage + n, count - n)
        count -= n
        base += n
    }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.initialize(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity = grown
    }

    /// One read, retried on EINTR. A failure names the path and the cause, not the content.
    private func readOnce(into p: UnsafeMutablePointer<UInt8>, _ n: Int, at position: Int) throws -> Int {
        while true {
            let got = positional ? pread(fd, p, n, off_t(position)) : read(fd, p, n)
            if got >= 0 { return got }
            if errno == EINTR { continue }
            throw ScanError(.io, path: path, detail: "read failed: \(String(cString: strerror(errno)))")
        }
    }
}

/// A regular file through a sliding read-only memory map: the scan reads the page cache in
/// place instead of copying it into a buffer (`read(2)` of a cached 256 MiB file costs about
/// 45 ms of system time on the benchmark machine, an eighth of a sparse scan; mapping it, 13 ms).
/// The map covers at most about `window` bytes and moves forward as blocks are done, so memory
/// stays flat however large the file.
///
/// The input is the file as long as it was when opened (`limit`): bytes appended later are not
/// read. A file that another process shrinks while it is mapped raises SIGBUS when the scan
/// touches a page past the new end; the `redact` command handles that signal with a message
/// and exit status 2, and `--no-mmap` reads through `read(2)` instead.
final class MappedSource: BlockSource {
    private let fd: Int32
    private let path: String
    private let limit: Int
    private let window: Int
    private var map: UnsafeMutableRawPointer?
    private var mapStart: Int
    private var mapEnd: Int
    private(set) var base: Int

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps nothing yet; `limit` is where the input ends (the file size, or a segment's end
    /// plus overlap), `base` where it starts.
    init(fd: Int32, path: String, window: Int, base: Int = 0, limit: Int) {
        self.fd = fd
        self.path = path
        self.window = max(window, Self.pageSize)
        self.base = base
        self.limit = limit
        mapStart = base
        mapEnd = base
    }

    deinit { unmap() }

    var eof: Bool { mapEnd >= limit }

    var bytes: UnsafeBufferPointer<UInt8> {
        guard let map else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: (map + (base - mapStart)).assumingMemoryBound(to: UInt8.self), count: mapEnd - base)
    }

    func fill(upTo end: Int) throws {
        let want = min(end, limit)
        guard want > mapEnd else { return }
        let start = base - base % Self.pageSize
        let stop = min(limit, max(want, start + window))
        unmap()
        #if os(Linux)
        // Fault the pages in with the call: one walk of the page cache instead of a fault per page.
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        let p = mmap(nil, stop - start, PROT_READ, flags, fd, off_t(start))
        guard let p, p != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw ScanError(.io, path: path, detail: "cannot map the file: \(String(cString: strerror(errno)))")
        }
        map = p
        mapStart = start
        mapEnd = stop
    }

    func drop(before offset: Int) {
        base = max(base, min(offset, mapEnd))
    }

    private func unmap() {
        if let map { munmap(map, mapEnd - mapStart) }
        map = nil
    }
}
