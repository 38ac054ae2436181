import Foundation

/// One input to scan: a file path as the user should see it, or standard input (`-`).
public struct Input: Sendable, Hashable {
    public var path: String
    public var isStandardInput: Bool { path == "-" }
    public init(path: String) { self.path = path }
}

/// Expands command-line paths into inputs: files as given, directories walked in sorted order
/// with hidden files and folders skipped, `-` for standard input. Unreadable or missing paths
/// become errors (reported, not fatal to the other inputs).
public enum InputWalker {
    public static func expand(_ paths: [String]) -> (inputs: [Input], errors: [ScanError]) {
        var inputs: [Input] = []
        var errors: [ScanError] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(Input(path: "-"))
                continue
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(ScanError(.notFound, path: path, detail: "no such file or directory"))
                continue
            }
            if !isDir.boolValue {
                inputs.append(Input(path: path))
                continue
            }
            walk(path, into: &inputs, errors: &errors)
        }
        return (inputs, errors)
    }

    private static func walk(_ dir: String, into inputs: inout [Input], errors: inout [ScanError]) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
            errors.append(ScanError(.unreadable, path: dir, detail: "cannot read the directory"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }  // dangling link
            if isDir.boolValue {
                walk(path, into: &inputs, errors: &errors)
            } else {
                inputs.append(Input(path: path))
            }
        }
    }
}

/// Opens an input for reading; standard input is fd 0.
public func openInput(_ input: Input) throws -> Int32 {
    if input.isStandardInput { return 0 }
    let fd = open(input.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
        let code = errno
        let kind: ScanError.Kind = code == ENOENT ? .notFound : code == EISDIR ? .isDirectory : .unreadable
        throw ScanError(kind, path: input.path, detail: "cannot open: \(String(cString: strerror(code)))")
    }
    var st = stat()
    if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        throw ScanError(.isDirectory, path: input.path, detail: "is a directory")
    }
    return fd
}
