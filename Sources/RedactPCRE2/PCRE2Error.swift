import CPCRE2

/// A PCRE2 error code with PCRE2's own message. Messages never contain subject text.
public struct PCRE2Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// The PCRE2 error code (negative for match-time errors, positive for compile errors).
    public let code: Int32
    /// Offset into the pattern where compilation failed (0 for other errors).
    public let patternOffset: Int

    public init(code: Int32, patternOffset: Int) {
        self.code = code
        self.patternOffset = patternOffset
    }

    public var message: String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        return String(decoding: buffer.prefix(Int(max(n, 0))), as: UTF8.self)
    }

    public var description: String { "\(message) (PCRE2 error \(code) at pattern offset \(patternOffset))" }
}
