import ArgumentParser
import Foundation
import RedactEval

/// `redact eval`: scores a findings file against a generated corpus's ground truth and decoys
/// (per-category strict and coverage recall, precision, miscategorised findings, decoys hit).
/// Glue only: the scoring lives in RedactEval.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score findings (JSONL) against a corpus's truth.jsonl and decoys.jsonl.",
        discussion: """
        Finding paths are matched to corpus paths by stripping --root, else exactly, else by the \
        longest corpus path they end with (so `corpus/sample/statement_001.txt` matches \
        `statement_001.txt`). Findings in files outside the corpus (party lists) are counted and ignored.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(help: "Ground truth: one planted item per line (truth.jsonl).")
    var truth: String

    @Option(help: "Look-alikes that must not be found (decoys.jsonl).")
    var decoys: String?

    @Option(help: "Directory the scanner was given; stripped from finding paths before matching.")
    var root: String?

    @Option(help: "Output on standard output: table or json.")
    var format: Format = .table

    @Option(name: .customLong("json-out"), help: "Also write the JSON report to this file.")
    var jsonOut: String?

    @Option(help: "How many misses, false positives and decoy hits the table lists.")
    var examples: Int = 10

    @Argument(help: "Findings in the findings contract (JSONL), or - for standard input.")
    var findings: String

    func run() throws {
        let truthItems = try JSONLReader.truth(URL(fileURLWithPath: truth))
        let decoyItems = try decoys.map { try JSONLReader.decoys(URL(fileURLWithPath: $0)) } ?? []
        let findingRecords: [FindingRecord]
        if findings == "-" {
            findingRecords = try JSONLReader.read(FindingRecord.self, data: FileHandle.standardInput.readDataToEndOfFile(),
                                                  name: "<stdin>")
        } else {
            findingRecords = try JSONLReader.findings(URL(fileURLWithPath: findings))
        }
        let report = evaluate(truth: truthItems, decoys: decoyItems, findings: findingRecords, root: root)
        if let jsonOut { try report.json().write(to: URL(fileURLWithPath: jsonOut)) }
        switch format {
        case .table: print(report.table(examples: examples), terminator: "")
        case .json: print(String(decoding: try report.json(), as: UTF8.self))
        }
    }
}
