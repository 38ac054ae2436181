// swift-tools-version:6.1
// The log's benchmark executable, outside the main package graph: `swift build` at the root
// never builds it. See README.md beside this file for how to run it and the recorded figures.
import PackageDescription

let package = Package(
    name: "redact-log-bench",
    dependencies: [.package(name: "redact", path: "../..")],
    targets: [
        .executableTarget(name: "LogBench", dependencies: [.product(name: "RedactLog", package: "redact")]),
    ]
)
