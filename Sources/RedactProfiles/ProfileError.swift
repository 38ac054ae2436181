/// Why a profile was refused: the file, the line (0 for the whole file) and the field at fault.
///
/// Messages name codes and keys, never free text from the file (a legal basis is prose).
public struct ProfileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The key (`redact`, `section14`), or `profile` for the file as a whole.
    public var field: String
    public var message: String
    /// Malformed (the file cannot be read as a profile) rather than inconsistent (it parses, but
    /// names an unknown code or breaks a rule): `profiles check` exits 2 for the first, 1 for the second.
    public var malformed: Bool

    public init(file: String, line: Int, field: String, _ message: String, malformed: Bool = true) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.malformed = malformed
    }

    /// `file:line: field: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        (line > 0 ? "\(file):\(line): " : "\(file): ") + "\(field): \(message)"
    }
}
