import RedactCore

/// What went wrong inside a container, before the format adds the file's path and turns it into
/// a `FormatError`. Never holds content: member names and header values may be personal data.
enum ContainerError: Error, Equatable {
    case corrupt(String)
    case unsupported(String)
    case limit(String)
    case unsafeMemberName
    case duplicateMember
    case xml(XMLError)

    func formatError(path: String, part: String?) -> FormatError {
        switch self {
        case .corrupt(let what): return FormatError(.corrupt, path: path, part: part, detail: "corrupt: \(what)")
        case .unsupported(let what): return FormatError(.unsupported, path: path, part: part, detail: "not supported: \(what)")
        case .limit(let what): return FormatError(.limitExceeded, path: path, part: part, detail: "limit reached: \(what)")
        case .unsafeMemberName:
            return FormatError(.corrupt, path: path, part: part,
                               detail: "a zip member name is absolute, climbs out with '..', or is not UTF-8 text")
        case .duplicateMember:
            return FormatError(.corrupt, path: path, part: part, detail: "two zip members have the same name")
        case .xml(let e):
            switch e {
            case .doctypeRefused:
                return FormatError(.unsupported, path: path, part: part,
                                   detail: "XML with a DOCTYPE (custom entities are refused: entity-bomb defence)")
            case .tooDeep: return FormatError(.limitExceeded, path: path, part: part, detail: "XML nested too deep (--max-depth)")
            case .tooManyAttributes: return FormatError(.limitExceeded, path: path, part: part, detail: "XML element with too many attributes")
            case .malformed(let at): return FormatError(.corrupt, path: path, part: part, offset: at, detail: "malformed XML")
            case .utf16: return FormatError(.unsupported, path: path, part: part, detail: "UTF-16 XML")
            case .badReference(let at):
                return FormatError(.corrupt, path: path, part: part, offset: at, detail: "unknown XML entity or bad character reference")
            }
        }
    }
}

/// Runs `body`, turning a `ContainerError` or `XMLError` into a `FormatError` for `path`/`part`.
func withFormatErrors<T>(path: String, part: String?, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as ContainerError {
        throw e.formatError(path: path, part: part)
    } catch let e as XMLError {
        throw ContainerError.xml(e).formatError(path: path, part: part)
    }
}
