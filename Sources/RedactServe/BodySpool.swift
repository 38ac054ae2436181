import Foundation
import Hummingbird

/// A request body written to a private temporary folder as it arrives, never held whole in
/// memory, with a hard size limit: a `Content-Length` above the limit is refused before a byte
/// is read, and a streamed body is cut off (413) the moment it passes the limit.
///
/// ```
///  request body ──chunks──▶ DIR/document.txt   (≤ limit, else 413)
///  party names  ─────────▶ DIR/document.parties.txt   (read by the engine factory)
/// ```
/// The folder is removed by ``remove()`` (callers `defer` it).
public struct SpooledDocument: Sendable {
    public let directory: String
    public let path: String
    public let bytes: Int
    /// The client's name for the document (`filename` parameter), last path component only.
    public let filename: String?

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Writes the case parties (one full name per line) where the engine factory looks.
    public func writeParties(_ names: [String]) throws {
        let clean = names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !clean.isEmpty else { return }
        let path = (directory as NSString).appendingPathComponent("document.parties.txt")
        guard FileManager.default.createFile(atPath: path, contents: Data((clean.joined(separator: "\n") + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw ServeProblem(.internalServerError, "cannot write the party list")
        }
    }

    /// Streams `body` to a new private folder under `workDirectory`.
    /// - Throws: ``ServeProblem`` 413 beyond `limit`, 500 when the folder cannot be written.
    public static func spool(_ request: Request, limit: Int, workDirectory: String, filename: String?) async throws -> SpooledDocument {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge(limit) }
        let dir = (workDirectory as NSString).appendingPathComponent("redact-serve-" + AccessTokens.randomText(bytes: 12))
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ServeProblem(.internalServerError, "cannot create the work folder")
        }
        let path = (dir as NSString).appendingPathComponent("document.txt")
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            try? FileManager.default.removeItem(atPath: dir)
            throw ServeProblem(.internalServerError, "cannot create the work file")
        }
        var total = 0
        do {
            defer { close(fd) }
            for try await chunk in request.body {
                total += chunk.readableBytes
                if total > limit { throw tooLarge(limit) }
                try chunk.withUnsafeReadableBytes { raw in
                    var done = 0
                    while done < raw.count {
                        let n = write(fd, raw.baseAddress! + done, raw.count - done)
                        if n < 0 {
                            if errno == EINTR { continue }
                            throw ServeProblem(.internalServerError, "cannot write the work file")
                        }
                        done += n
                    }
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: dir)
            throw error
        }
        let name = filename.map { ($0 as NSString).lastPathComponent }.flatMap { $0.isEmpty ? nil : $0 }
        return SpooledDocument(directory: dir, path: path, bytes: total, filename: name)
    }

    static func tooLarge(_ limit: Int) -> ServeProblem {
        ServeProblem(.contentTooLarge, "the document is larger than the server's limit of \(limit) bytes", code: "body-too-large")
    }
}

/// Which reader a body needs. Plain text only until the formats registry (issue 7) lands;
/// anything else is a 415 that says so.
public enum DocumentFormat: String, Sendable {
    case text

    static let textTypes: Set<String> = ["text/plain", "text/markdown"]
    static let textExtensions: Set<String> = ["txt", "text", "md", "log"]

    /// From the `filename` parameter's extension when given, else the content type.
    public static func detect(contentType: String?, filename: String?) throws -> DocumentFormat {
        if let filename, filename.contains(".") {
            let ext = (filename as NSString).pathExtension.lowercased()
            if textExtensions.contains(ext) { return .text }
            throw unsupported
        }
        guard let contentType else { return .text }
        let base = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if textTypes.contains(base) { return .text }
        throw unsupported
    }

    static let unsupported = ServeProblem(
        .unsupportedMediaType,
        "only plain text (text/plain, or a filename ending .txt, .text, .md or .log) is accepted by this build",
        code: "unsupported-format")
}
