import Foundation
import Logging

/// A swift-log handler writing one JSON object per line to standard error:
/// `{"ts":"…","level":"info","label":"redact.serve","msg":"request","hb.request.id":"…","route":"/v1/scan",…}`.
/// What goes in is decided by the callers: this server logs ids, routes, statuses and durations,
/// never document text, findings, tokens or query values.
public struct JSONLineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public let label: String
    private static let lock = NSLock()

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                    file: String, function: String, line: UInt) {
        var fields: [String: JSONNode] = [
            "ts": .string(ISO8601DateFormatter().string(from: Date())),
            "level": .string(level.rawValue), "label": .string(label), "msg": .string(message.description),
        ]
        for (k, v) in metadata.merging(extra ?? [:], uniquingKeysWith: { _, b in b }) { fields[k] = .string(v.description) }
        var data = JSONNode.object(fields).encoded()
        data.append(0x0A)
        Self.lock.withLock { FileHandle.standardError.write(data) }
    }
}
