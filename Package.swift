// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets (Fuzz/README.md): adding one is a file in Fuzz/<name>/, its seeds in Fuzz/Corpus/<name>/
// and a line here. Normal builds compile them as corpus replayers; scripts/fuzz.sh builds them for libFuzzer.
let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("fuzz-http-request", ["CasewayHTTP"]),
    ("fuzz-intake", ["Caseway", "CasewayMapping"]),
    ("fuzz-mapping", ["CasewayMapping"]),
]

// Layers (see docs/architecture.md): targets depend one way only, leaves first.
//   CSQLite, CLibXML2, CEpoll -> CasewayMapping, CasewayStore, CasewayHTTP -> Caseway -> caseway
let package = Package(
    name: "Caseway",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "caseway", targets: ["caseway"]),
        .executable(name: "caseway-bench", targets: ["caseway-bench"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "CasewayMapping", dependencies: ["CLibXML2"], linkerSettings: [.linkedLibrary("m")]),
        .target(name: "CasewayStore", dependencies: ["CSQLite"]),
        // epoll, eventfd and accept4, which the Glibc module does not export.
        .target(name: "CEpoll"),
        .target(name: "CasewayHTTP", dependencies: ["CEpoll"]),
        .target(name: "Caseway", dependencies: ["CasewayMapping", "CasewayStore", "CasewayHTTP"]),
        .executableTarget(name: "caseway", dependencies: ["Caseway", "CasewayStore"]),
        // Benchmarks and the child processes of the crash tests; never shipped to a council.
        .executableTarget(name: "caseway-bench", dependencies: ["Caseway", "CasewayStore", "CasewayMapping", "CasewayHTTP"]),

        // What every fuzz target shares: libFuzzer's driver, the corpus replay, invariant checks.
        .target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(name: "CasewayFuzzing", dependencies: ["CLibFuzzer"], path: "Fuzz/Support"),

        .testTarget(name: "CasewayMappingTests", dependencies: ["CasewayMapping"]),
        .testTarget(name: "CasewayStoreTests", dependencies: ["CasewayStore", "caseway-bench"]),
        .testTarget(name: "CasewayHTTPTests", dependencies: ["CasewayHTTP"]),
        // The scripted loopback partner that connector and end-to-end tests deliver to.
        .target(name: "CasewayTestSupport", dependencies: ["CasewayHTTP", "CasewayMapping"], path: "Tests/CasewayTestSupport"),
        .testTarget(name: "CasewayTests", dependencies: ["Caseway", "CasewayTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["caseway", "CasewayStore", "CasewayTestSupport"]),
    ] + fuzzTargets.map { target in
        .executableTarget(name: target.name, dependencies: ["CasewayFuzzing"] + target.dependencies, path: "Fuzz/\(target.name)")
    },
    swiftLanguageModes: [.v6]
)
