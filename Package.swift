// swift-tools-version:6.1
// Swift 6 language mode (the default for tools-version 6.x).
import PackageDescription

// The targets follow the pipeline: read -> scan -> decide -> redact -> log -> report.
// `redact` (the executable) is glue only; no algorithm lives there.
let package = Package(
    name: "redact",
    products: [
        .executable(name: "redact", targets: ["redact"]),
        .executable(name: "redact-corpus", targets: ["redact-corpus"]),
        .library(name: "RedactScan", targets: ["RedactScan"]),
        .library(name: "RedactApply", targets: ["RedactApply"]),
        .library(name: "RedactLog", targets: ["RedactLog"]),
        .library(name: "RedactFormats", targets: ["RedactFormats"]),
        .library(name: "RedactServe", targets: ["RedactServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // `redact serve` (issue 8): the HTTP server, its logs and its metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // The national tier (issue 9): the log in PostgreSQL, and the bulk pre-screening queue.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // PCRE2, the system C library (8-bit code units), behind a shim header.
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // Categories, findings, byte helpers and errors shared by every stage.
        .target(name: "RedactCore"),
        // The only Swift code that calls PCRE2: compile + JIT once, per-worker match data.
        .target(name: "RedactPCRE2", dependencies: ["CPCRE2"]),
        // Our multi-pattern automaton (Aho-Corasick DFA, byte classes, SIMD start-state skip).
        .target(name: "RedactAutomaton", exclude: ["README.md"]),
        // Pattern packs as data: the file format, the loader, validators, dictionaries.
        .target(name: "RedactPatterns", dependencies: ["RedactCore", "RedactPCRE2"]),
        // The engine: prefilter -> PCRE2 confirm -> validate -> context -> overlaps; streaming.
        .target(name: "RedactScan", dependencies: ["RedactCore", "RedactPCRE2", "RedactAutomaton", "RedactPatterns"]),
        // Redaction styles, manifests, atomic output.
        .target(name: "RedactApply", dependencies: [
            "RedactCore", "RedactScan",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Sharing profiles as data: the model, parser and checks, section 14, keep decisions and
        // the per-finding policy. Its own target (RedactCore only) because the applier, the
        // log's readers and the CLI all use profiles, and none of them should own them.
        .target(name: "RedactProfiles", dependencies: ["RedactCore"]),
        // Container formats: DOCX, email (MIME) and zip bundles, read and rewritten with bounded memory.
        .target(name: "RedactContainers", dependencies: [
            "RedactCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Document formats (CSV/TSV, JSON, JSON Lines, PDF pre-screen) and the format registry;
        // the format protocol itself is in RedactCore so container formats need only RedactCore.
        .target(name: "RedactFormats", dependencies: [
            "RedactCore", "RedactScan", "RedactApply",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Accuracy scoring of findings against ground truth.
        .target(name: "RedactEval", dependencies: ["RedactCore"]),
        // The national redaction and breach log (SQLite through GRDB, tamper-evident chain).
        // SQLite (one area) and PostgreSQL (the national tier) behind one `LogStore` protocol.
        .target(name: "RedactLog", dependencies: [
            "RedactCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Area performance packs: aggregates of the log by area and period, rendered for review.
        .target(name: "RedactReport", dependencies: [
            "RedactCore", "RedactLog",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // The QA second check of a redacted copy, and the reproducible sample for second checkers.
        .target(name: "RedactQA", dependencies: [
            "RedactCore", "RedactScan", "RedactApply", "RedactLog",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // `redact serve`: the Hummingbird application, its routes (one table that also writes the
        // OpenAPI document), tokens, sessions, CSRF, security headers, logs and metrics.
        .target(name: "RedactServe", dependencies: [
            "RedactCore", "RedactPatterns", "RedactScan", "RedactApply", "RedactFormats", "RedactContainers", "RedactLog", "RedactReport",
            "RedactProfiles",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "redact", dependencies: [
            "RedactCore", "RedactPatterns", "RedactScan", "RedactApply", "RedactFormats", "RedactContainers", "RedactEval", "RedactLog", "RedactReport", "RedactProfiles",
            "RedactQA", "RedactServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The synthetic corpus generator. It shares no code with the scanner on purpose:
        // identifiers are built from their definitions so the accuracy score is not circular.
        .target(name: "CorpusKit", path: "corpus/Sources/CorpusKit"),
        .executableTarget(name: "redact-corpus", dependencies: ["CorpusKit"], path: "corpus/Sources/redact-corpus"),

        .testTarget(name: "RedactCoreTests", dependencies: ["RedactCore"]),
        .testTarget(name: "RedactAutomatonTests", dependencies: [
            "RedactAutomaton", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "RedactPatternsTests", dependencies: ["RedactPatterns", "RedactScan", "RedactPCRE2", "RedactCore"]),
        .testTarget(name: "RedactScanTests", dependencies: [
            "RedactScan", "RedactPatterns", "RedactEval", "RedactCore",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "RedactApplyTests", dependencies: ["RedactApply", "RedactScan", "RedactPatterns", "RedactTestSupport"]),
        .testTarget(name: "RedactProfilesTests", dependencies: ["RedactProfiles", "RedactCore"]),
        .testTarget(name: "RedactFormatsTests", dependencies: ["RedactFormats", "RedactTestSupport", "RedactApply", "RedactScan", "RedactCore"], exclude: ["Fixtures"]),
        .testTarget(name: "RedactEvalTests", dependencies: ["RedactEval"]),
        .testTarget(name: "RedactContainersTests", dependencies: [
            "RedactContainers", "RedactCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "RedactLogTests", dependencies: [
            "RedactLog", "RedactTestSupport", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            // Raw SQL on the PostgreSQL log (reading rows back, tampering): decoding its cells.
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .testTarget(name: "RedactReportTests", dependencies: [
            "RedactReport", "RedactLog", "RedactTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "RedactQATests", dependencies: ["RedactQA", "RedactApply", "RedactScan", "RedactLog"]),
        .testTarget(name: "CLITests", dependencies: ["RedactCore", "RedactTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "RedactServeTests", dependencies: [
            "RedactServe", "RedactLog", "RedactScan", "RedactTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Fixtures more than one test target builds (a minimal PDF); tests only.
        .target(name: "RedactTestSupport", dependencies: ["RedactLog"], path: "Tests/Support/RedactTestSupport"),
        .testTarget(name: "CorpusKitTests", dependencies: ["CorpusKit"], path: "corpus/Tests/CorpusKitTests"),
    ]
)

// `redact serve`'s browser parts (issue 8): the review model (no web types) and its pages.
package.targets += [
    // A document under review: findings with their reasons and the profile's proposal, the
    // operator's decisions, manual spans, and the copy, manifest and schedule made in memory.
    .target(name: "RedactReview", dependencies: [
        "RedactCore", "RedactScan", "RedactPatterns", "RedactApply", "RedactProfiles", "RedactLog",
        "RedactFormats", "RedactContainers",
        .product(name: "Crypto", package: "swift-crypto"),
    ]),
    .testTarget(name: "RedactReviewTests", dependencies: ["RedactReview", "RedactApply", "RedactScan", "RedactProfiles"]),
]
package.targets += [
    // The browser pages of `redact serve`: an escaping HTML builder, the review, dashboard and
    // breach screens, the served stylesheet and script, and form parsing. No web framework:
    // the server's routes call these and send what they return.
    .target(name: "RedactWeb", dependencies: ["RedactCore", "RedactApply", "RedactLog", "RedactReport", "RedactReview"]),
    .testTarget(name: "RedactWebTests", dependencies: ["RedactWeb", "RedactReview", "RedactApply", "RedactLog", "RedactReport"]),
]
// The server registers the browser screens (Sources/RedactServe/UIRoutes*.swift), which use these.
for target in package.targets where target.name == "RedactServe" {
    target.dependencies += ["RedactReview", "RedactWeb"]
}
for target in package.targets where target.name == "RedactServeTests" {
    target.dependencies += ["RedactReview", "RedactWeb", "RedactReport", "RedactFormats", "RedactContainers"]
}
// The national tier's job queue for bulk pre-screening (issue 9): jobs in PostgreSQL, claimed
// with FOR UPDATE SKIP LOCKED under leases that expire; `redact submit|worker|jobs` drive it.
package.targets += [
    .target(name: "RedactQueue", dependencies: [
        "RedactCore", "RedactLog",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
    ]),
    .testTarget(name: "RedactQueueTests", dependencies: ["RedactQueue", "RedactLog", "RedactTestSupport"]),
]
for target in package.targets where target.name == "redact" {
    target.dependencies += ["RedactQueue"]
}
