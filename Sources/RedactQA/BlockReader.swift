#if canImport(Glibc)
import Glibc
#endif
import Crypto
import RedactCore

/// Reads a file in fixed blocks and hashes every byte as it arrives, so the QA walk holds one
/// block per file whatever the file's size, and the digest costs no second pass.
final class BlockReader {
    let fd: Int32
    let path: String
    /// Allocated once and never moved, so the views `available()` hands out stay valid until
    /// the next read.
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0
    private(set) var eof = false
    private var hasher = SHA256()
    /// Bytes consumed by the caller so far (the absolute offset of the next byte).
    private(set) var offset = 0
    /// Bytes read from the file so far.
    private(set) var bytesRead = 0

    init(fd: Int32, path: String, blockSize: Int) {
        self.fd = fd
        self.path = path
        buffer = .allocate(capacity: max(1, blockSize))
    }

    deinit { buffer.deallocate() }

    /// The buffered bytes not yet consumed, reading a block if there are none (empty at EOF).
    func available() throws(QAError) -> UnsafeBufferPointer<UInt8> {
        if start == end && !eof { try fill() }
        return UnsafeBufferPointer(rebasing: buffer[start..<end])
    }

    func consume(_ n: Int) {
        start += n
        offset += n
    }

    /// Up to `n` bytes (fewer only at EOF).
    func take(_ n: Int) throws(QAError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(n, 1 << 16))
        while out.count < n {
            let a = try available()
            if a.isEmpty { break }
            let k = min(n - out.count, a.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: a[0..<k]))
            consume(k)
        }
        return out
    }

    /// Skips up to `n` bytes (hashing them); returns how many were skipped.
    func skip(_ n: Int) throws(QAError) -> Int {
        var done = 0
        while done < n {
            let a = try available()
            if a.isEmpty { break }
            let k = min(n - done, a.count)
            consume(k)
            done += k
        }
        return done
    }

    /// Reads to the end, so the digest and size cover the whole file.
    func drain() throws(QAError) {
        while true {
            let a = try available()
            if a.isEmpty { return }
            consume(a.count)
        }
    }

    var sha256: String { Hex.encode(hasher.finalize()) }

    private func fill() throws(QAError) {
        start = 0
        end = 0
        while true {
            let n = read(fd, buffer.baseAddress!, buffer.count)
            if n > 0 {
                end = n
                bytesRead += n
                hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[0..<n])))
                return
            }
            if n == 0 { eof = true; return }
            if errno == EINTR { continue }
            throw QAError(.unreadable, path: path, detail: "cannot read: \(String(cString: strerror(errno)))")
        }
    }
}
