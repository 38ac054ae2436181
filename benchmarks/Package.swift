// swift-tools-version:6.1
// The benchmark harness for `redact`: its own package that depends on the root (as swift-nio
// keeps its benchmarks), so `swift build` at the root never builds package-benchmark.
//
//   cd benchmarks && swift package benchmark            # in-process engine benchmarks
//   ./bench.sh                                          # CLI throughput, RSS, baselines
//   ./peers.sh                                          # ripgrep, Hyperscan, Presidio
import PackageDescription

let package = Package(
    name: "redact-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The identity of a path dependency is its folder name, which is not always "redact"
        // (a clone may live anywhere): name it explicitly.
        .package(name: "redact", path: "../"),
        // The malloc interposer gives the mallocCountTotal metric (mallocs per MB scanned).
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RedactScanBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RedactScan", package: "redact"),
            ],
            path: "Benchmarks/RedactScanBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        // Prints the UK pack's rules with their expanded PCRE2 source, for the peers (peers.sh).
        .executableTarget(
            name: "redact-pack-export",
            dependencies: [.product(name: "RedactScan", package: "redact")],
            path: "Tools/redact-pack-export"
        ),
    ]
)
