import Foundation
import PostgresNIO
import RedactLog

/// Redaction rows by (category, justification, style): the pack query over the biggest table.
extension PostgresPackSource {
    public func redactionCounts(in windows: [TimeWindow], scope: PackScope) throws -> [[RedactionGroup]] {
        var cache: [TimeWindow: [RedactionGroup]] = [:]
        return try windows.map { w in
            if let hit = cache[w] { return hit }
            let out = try groups(w, area: scope.area)
            cache[w] = out
            return out
        }
    }

    func groups(_ w: TimeWindow, area: String?) throws -> [RedactionGroup] {
        try rows("counting redactions", """
            SELECT r.category, r.justification, r.style, COUNT(*)
            FROM entry e JOIN redaction r ON r.seq = e.seq
            WHERE \(Self.eligible) \(area == nil ? "" : "AND e.area = $4")
            GROUP BY r.category, r.justification, r.style
            """, binds(w, area.map { [.text($0)] } ?? [])).map {
            RedactionGroup(category: try $0[0].decode(String.self), justification: try $0[1].decode(String.self),
                           style: try $0[2].decode(String.self), count: try $0[3].decode(Int.self))
        }
    }
}
