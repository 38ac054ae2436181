import Foundation
import RedactLog

/// Every failure of pack generation, as one struct with a kind (the style of ``LogError``).
///
/// Messages name options, codes and files, never log contents: a pack reads only aggregates,
/// and its errors must be as safe to paste into a ticket as the pack itself.
public struct ReportError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The period text is not a month, quarter or financial year.
        case invalidPeriod = "invalid-period"
        /// The area code is not in the reference data (``validCodes`` lists the valid ones).
        case unknownArea = "unknown-area"
        /// The log could not be opened or read.
        case storage
        /// The output could not be written.
        case output
        /// An option is out of range.
        case invalidOption = "invalid-option"
    }

    public var kind: Kind
    public var message: String
    public var validCodes: [String]

    public init(_ kind: Kind, _ message: String, validCodes: [String] = []) {
        self.kind = kind
        self.message = message
        self.validCodes = validCodes
    }

    public var description: String {
        validCodes.isEmpty ? message : message + "; valid codes: " + validCodes.joined(separator: ", ")
    }
}

/// Echoing user input safely in messages.
enum LogSafe {
    /// `'text'` when it looks like a code or period (letters, digits, `-`), else a neutral phrase:
    /// someone may paste a case note into the wrong option, and it must not travel into logs.
    static func show(_ text: String) -> String {
        let ok = !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F
        }
        return ok ? "'\(text)'" : "(a value that is not a code)"
    }
}
