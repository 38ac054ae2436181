import Foundation
import RedactLog

/// The output formats of `redact pack --format`.
public enum PackFormat: String, CaseIterable, Sendable {
    case html, json, csv, md
}

/// Renders a pack in any format: the one entry point the CLI (and later the server) calls.
public enum PackRenderer {
    public static func render(_ pack: Pack, as format: PackFormat, reference: Reference) -> String {
        let labels = Labels(reference: reference)
        switch format {
        case .html: return PackHTML.render(pack, labels: labels)
        case .json: return PackJSON.render(pack)
        case .csv: return PackCSV.render(pack, labels: labels)
        case .md: return PackMarkdown.render(pack, labels: labels)
        }
    }
}
