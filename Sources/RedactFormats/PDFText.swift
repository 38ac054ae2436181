import Foundation
import RedactCore

/// Text of a PDF through `pdftotext` (Debian's poppler-utils), found on PATH at run time: one
/// string of UTF-8 per page. Its messages are not passed on (they may quote the document).
enum PDFText {
    static let tool = "pdftotext"

    /// The tool's path on `PATH`, or nil.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The text of each page of the PDF at `file` (`path` names it in errors).
    static func pages(file: String, path: String, limits: FormatLimits) throws -> [[UInt8]] {
        guard let executable = locate() else {
            throw FormatError(.toolMissing, path: path,
                              detail: "cannot pre-screen a PDF: \(tool) was not found on PATH (install Debian's poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", file, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw FormatError(.toolMissing, path: path, detail: "cannot run \(tool): \(error.localizedDescription)")
        }
        // Read as it comes, stopping at the part limit (a PDF can expand to any amount of text).
        var text: [UInt8] = []
        let handle = out.fileHandleForReading
        var overLimit = false
        while true {
            let data = handle.availableData
            if data.isEmpty { break }
            text.append(contentsOf: data)
            if text.count > limits.maxPartBytes {
                overLimit = true
                process.terminate()
                break
            }
        }
        process.waitUntilExit()
        if overLimit {
            throw FormatError(.limitExceeded, path: path, detail: "the PDF's text is more than \(limits.maxPartBytes) bytes (--max-part-bytes)")
        }
        guard process.terminationStatus == 0 else {
            throw FormatError(.corrupt, path: path,
                              detail: "\(tool) could not read the PDF (exit status \(process.terminationStatus): damaged, encrypted or not a PDF)")
        }
        // pdftotext ends every page with a form feed.
        var pages = text.split(separator: 0x0C, omittingEmptySubsequences: false).map(Array.init)
        if pages.count > 1 && pages.last?.isEmpty == true { pages.removeLast() }
        return pages
    }
}
