import Foundation

/// Reads JSON Lines files (one object per line, blank lines ignored) into records.
public enum JSONLReader {
    public struct LineError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func read<T: Decodable>(_ type: T.Type, from url: URL) throws -> [T] {
        try read(type, data: Data(contentsOf: url), name: url.path)
    }

    public static func read<T: Decodable>(_ type: T.Type, data: Data, name: String = "<data>") throws -> [T] {
        let decoder = JSONDecoder()
        var out: [T] = []
        var lineNumber = 0
        for line in data.split(separator: 10, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { continue }
            do {
                out.append(try decoder.decode(T.self, from: Data(line)))
            } catch {
                throw LineError(file: name, line: lineNumber, message: "\(error)")
            }
        }
        return out
    }

    public static func truth(_ url: URL) throws -> [TruthItem] { try read(TruthItem.self, from: url) }
    public static func decoys(_ url: URL) throws -> [DecoyItem] { try read(DecoyItem.self, from: url) }
    public static func findings(_ url: URL) throws -> [FindingRecord] { try read(FindingRecord.self, from: url) }
}
