/// The document genres and how often each appears. Each genre lives in its own file.
public enum Genre: String, CaseIterable, Sendable {
    case statement, custody, psr, casenote, email, notebook, letter, csv, json

    /// File name stem prefix and extension (exports are `.csv` / `.json`, all else `.txt`).
    public var prefix: String {
        switch self {
        case .csv, .json: return "export"
        default: return rawValue
        }
    }
    public var fileExtension: String {
        switch self {
        case .csv: return "csv"
        case .json: return "json"
        default: return "txt"
        }
    }
    public static let weights = [18, 12, 10, 12, 14, 10, 10, 7, 7]

    public func write(_ w: DocWriter, _ cast: Cast, _ rng: inout CorpusRandom) {
        switch self {
        case .statement: Statement.write(w, cast, &rng)
        case .custody: CustodyRecord.write(w, cast, &rng)
        case .psr: PreSentenceReport.write(w, cast, &rng)
        case .casenote: CaseNotes.write(w, cast, &rng)
        case .email: EmailChain.write(w, cast, &rng)
        case .notebook: Notebook.write(w, cast, &rng)
        case .letter: Letter.write(w, cast, &rng)
        case .csv: CSVExport.write(w, cast, &rng)
        case .json: JSONExport.write(w, cast, &rng)
        }
    }
}
