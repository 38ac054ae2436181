// swift-tools-version:6.1
// libFuzzer harness for the document-format parsers (see scripts/fuzz-formats.sh). A separate
// package so the main build never carries fuzzer instrumentation.
import PackageDescription

let package = Package(
    name: "fuzz-formats",
    dependencies: [.package(name: "redact", path: "../..")],
    targets: [
        .executableTarget(name: "fuzz-formats", dependencies: [.product(name: "RedactFormats", package: "redact")]),
    ]
)
