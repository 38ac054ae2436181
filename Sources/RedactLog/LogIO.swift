import Foundation
import RedactCore

/// A buffered ``LogOutput`` over a file descriptor (a file or standard output).
///
/// Why not `FileHandle.write`: an export of a national log is millions of lines, and one system
/// call per line costs more than producing the line. Errors (full disk) surface as `LogError`
/// with `.storageFull` or `.storage`, naming no data.
public final class FileOutput: LogOutput {
    private let fd: Int32
    private let owns: Bool
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    /// Creates (or truncates) `path`.
    public init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw LogError(.storage, "cannot create the export file (errno \(errno))") }
        self.fd = fd
        self.owns = true
        buffer.reserveCapacity(capacity)
    }

    /// Writes to standard output.
    public init(standardOutput: Void = ()) {
        fd = 1
        owns = false
        buffer.reserveCapacity(capacity)
    }

    deinit {
        try? flush()
        if owns { close(fd) }
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                buffer.removeAll(keepingCapacity: true)
                throw LogError(e == ENOSPC ? .storageFull : .storage, "writing the export failed (errno \(e))")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A ``LogOutput`` that keeps everything in memory (tests, small exports).
public final class MemoryOutput: LogOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) throws { self.text += text }
    public func flush() throws {}
}

/// A ``LogInput`` reading lines from a file, buffered.
public final class FileInput: LogInput {
    public let name: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    /// A line longer than this is refused: no export line is anywhere near it.
    public static let maxLine = 256 << 20

    public init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LogError(.importRejected, "cannot open \((path as NSString).lastPathComponent) (errno \(errno))") }
        self.fd = fd
        self.name = (path as NSString).lastPathComponent
    }

    deinit { close(fd) }

    public func readLine() throws -> String? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var end = nl
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = nl + 1
                return line
            }
            if eof {
                guard start < buffer.count else { return nil }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return line
            }
            if start > 0 { buffer.removeFirst(start); start = 0 }
            guard buffer.count < FileInput.maxLine else { throw LogError(.importRejected, "\(name): a line is too long") }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LogError(.importRejected, "\(name): read error (errno \(errno))")
            }
            if n == 0 { eof = true } else { buffer.append(contentsOf: chunk[0..<n]) }
        }
    }
}

/// A ``LogInput`` over text in memory.
public final class StringInput: LogInput {
    public let name: String
    private var lines: [String]
    private var i = 0

    public init(_ text: String, name: String = "input") {
        self.name = name
        lines = TextLines.split(text)
    }

    public func readLine() throws -> String? {
        guard i < lines.count else { return nil }
        defer { i += 1 }
        return String(lines[i])
    }
}
