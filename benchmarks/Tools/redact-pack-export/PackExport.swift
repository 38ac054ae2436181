// Prints every rule of the loaded pattern packs as one JSON line, with the PCRE2 source the
// engine compiles (dictionaries expanded; a dictionary rule as its word-bounded alternation):
//   {"id":"nino.standard","category":"nino","caseless":true,"validator":"nino","context_required":false,"pattern":"..."}
// peers.sh feeds these to ripgrep and Hyperscan, so the peers run the UK pack's own patterns.
//
//   swift run -c release redact-pack-export [--patterns DIR ...] > uk.jsonl
import Foundation
import RedactPatterns
import RedactScan

@main
struct PackExport {
    static func main() throws {
        var setup = ScanSetup()
        var args = CommandLine.arguments.dropFirst()
        while let a = args.popFirst() {
            guard a == "--patterns", let dir = args.popFirst() else {
                FileHandle.standardError.write(Data("usage: redact-pack-export [--patterns DIR ...]\n".utf8))
                exit(64)
            }
            setup.patternDirectories.append(dir)
        }
        let pack = try setup.loadPack()
        for rule in pack.rules {
            guard let source = pack.pcre2Source(for: rule) else { continue }
            var object: [String: Any] = [
                "id": rule.id, "category": rule.category.rawValue,
                "pattern": source.pattern, "caseless": source.caseless,
                "context_required": rule.context?.required ?? false,
            ]
            if let v = rule.validator { object["validator"] = v }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
