import Foundation
import RedactCore
import RedactFormats
import RedactScan

/// The result of scanning one input that a document format reads (CSV, JSON, PDF...).
struct DocumentScanResult {
    var input: Input
    var format: String
    /// Kept findings (not when streamed out or only counted).
    var findings: [DocumentFinding] = []
    var counts: [Category: Int] = [:]
    /// Distinct locators of the findings, in order (the pages, parts or members with findings),
    /// at most `maxLocators`.
    var locators: [String] = []
    static let maxLocators = 100
    var count = 0
    var bytes = 0
    var error: FormatError? = nil
}

/// One input's scan: plain text through the streaming scanner, or a document through its format.
enum InputScan {
    case text(FileScanResult)
    case document(DocumentScanResult)
}

extension FormatOptions {
    /// Scans a document input with the engine for that input. Never throws: errors are in the result.
    func scanDocument(_ input: Input, format: any DocumentFormat, factory: EngineFactory, pool: ScratchPool, chunkSize: Int,
                      withText: Bool = false, keep: Bool = true, observer: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                      onFinding: ((DocumentFinding) -> Void)? = nil) -> DocumentScanResult {
        var result = DocumentScanResult(input: input, format: format.id)
        do {
            let engine = try factory.engine(for: input)
            let finder = EngineTextFinder(engine: engine, pool: engine === factory.shared ? pool : nil)
            result.bytes = try runner(chunkSize: chunkSize).scan(input, format: format, finder: finder, withText: withText, observer: observer) { f in
                result.count += 1
                result.counts[f.span.span.category, default: 0] += 1
                if let l = f.span.locator, result.locators.count < DocumentScanResult.maxLocators, !result.locators.contains(l) {
                    result.locators.append(l)
                }
                if let onFinding { onFinding(f) } else if keep { result.findings.append(f) }
            }
        } catch let e as FormatError {
            result.error = e
        } catch let e as ScanError {
            result.error = FormatError(.corrupt, path: e.path, detail: e.detail)
        } catch {
            result.error = FormatError(.corrupt, path: input.path, detail: "\(error)")
        }
        return result
    }
}

/// One document finding in the findings contract, plus `format`, and `locator` and `field`
/// where the format gives them.
func documentFindingJSON(path: String, format: String, _ f: DocumentFinding) -> String {
    let s = f.span.span
    var line = "{\"path\":\(jsonString(path)),\"start\":\(s.start),\"end\":\(s.end),"
        + "\"category\":\(jsonString(s.category.rawValue)),\"rule\":\(jsonString(s.rule))"
    if let text = f.text { line += ",\"text\":\(jsonString(String(decoding: text, as: UTF8.self)))" }
    line += ",\"format\":\(jsonString(format))"
    if let locator = f.span.locator { line += ",\"locator\":\(jsonString(locator))" }
    if let field = f.span.field { line += ",\"field\":\(jsonString(field))" }
    if let role = s.role { line += ",\"role\":\(jsonString(role))" }
    return line + "}"
}

/// `path:line:col category rule field` for text stored as-is; `path!locator category rule` in a part.
func documentFindingHuman(path: String, _ f: DocumentFinding, colour: Colour) -> String {
    let s = f.span.span
    var line = colour.path(path)
    if let locator = f.span.locator { line += "!" + locator } else { line += ":\(f.line):\(f.column)" }
    line += " \(colour.category(s.category.rawValue)) \(s.rule)"
    if let field = f.span.field { line += " " + field }
    if let text = f.text { line += " " + colour.dim(String(decoding: text, as: UTF8.self)) }
    return line
}
