#if canImport(Glibc)
import Glibc
#endif

/// A buffered writer to a file descriptor. The first write error is kept (and later writes are
/// dropped) so a sink need not throw; the owner checks `error` when it finishes.
public final class OutputWriter {
    let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    public private(set) var error: Int32? = nil

    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(capacity)
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard error == nil else { return }
        if buffer.count + bytes.count > capacity { flush() }
        if bytes.count >= capacity {
            writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func flush() {
        guard error == nil, !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        var done = 0
        while done < bytes.count && error == nil {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                error = n < 0 ? errno : EIO
            }
        }
    }
}

/// An output file written atomically: bytes go to a temporary file beside the target, which is
/// synced and then renamed into place, so a reader never sees half a file and a crash or a full
/// disk leaves the target untouched.
public final class AtomicFile {
    public let path: String
    public let temporaryPath: String
    public let fd: Int32
    private var finished = false

    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let cause: String
        public var description: String { "\(path): \(cause)" }
    }

    /// - Throws: `Failure` if the target exists and `overwrite` is false, or the temporary file
    ///   cannot be created.
    public init(path: String, overwrite: Bool) throws {
        self.path = path
        if !overwrite && access(path, F_OK) == 0 {
            throw Failure(path: path, cause: "output exists (use --force to overwrite)")
        }
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let base = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(dir.isEmpty ? "/" : dir)/.\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path, cause: "cannot create a temporary file: \(String(cString: strerror(errno)))") }
        self.fd = fd
        self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        fchmod(fd, 0o644)
    }

    /// Syncs and renames the temporary file into place (at `target` when given: a path on the
    /// same file system, such as a hold folder beside the output).
    public func commit(overwrite: Bool, to target: String? = nil) throws {
        let path = target ?? self.path
        defer { finished = true }
        if fsync(fd) != 0 {
            let cause = String(cString: strerror(errno))
            abort()
            throw Failure(path: path, cause: "cannot write: \(cause)")
        }
        close(fd)
        if overwrite {
            guard rename(temporaryPath, path) == 0 else {
                let cause = String(cString: strerror(errno))
                unlink(temporaryPath)
                throw Failure(path: path, cause: "cannot move into place: \(cause)")
            }
        } else {
            // link(2) fails if the target appeared meanwhile: never clobber without --force.
            guard link(temporaryPath, path) == 0 else {
                let cause = errno == EEXIST ? "output exists (use --force to overwrite)" : String(cString: strerror(errno))
                unlink(temporaryPath)
                throw Failure(path: path, cause: cause)
            }
            unlink(temporaryPath)
        }
    }

    /// Removes the temporary file; the target is untouched.
    public func abort() {
        guard !finished else { return }
        finished = true
        close(fd)
        unlink(temporaryPath)
    }

    deinit { if !finished { abort() } }
}
