// swift-tools-version:6.0
import PackageDescription

// One library target per concept; the graph below is the architecture (Docs/architecture.md),
// and the compiler keeps it: an import against the arrows does not build.
//
//   keywarden (CLI) -> Audit -> Policy, Inventory -> Accounts -> Support
//                   -> Verification -> Scan (its findings), Inventory (its connectors sign and call)
//                   -> Scan -> Matching -> Rules -> Support; Scan -> Inputs -> Support
//                   -> Report -> ReportModel -> Support; Scan and Audit build ReportModel sections
let yams = Target.Dependency.product(name: "Yams", package: "Yams")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")

let package = Package(
    name: "keywarden",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "keywarden", targets: ["keywarden"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C libraries from Debian: libvectorscan-dev (pkg-config libhs), libpcre2-dev (libpcre2-8).
        .systemLibrary(name: "CHyperscan", pkgConfig: "libhs",
                       providers: [.apt(["libvectorscan-dev"]), .brew(["vectorscan"])]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8",
                       providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]),
        // libarchive, loaded with dlopen when an archive is opened (headers from libarchive-dev):
        // zip, tar and compressed members, for scanning inside archives.
        .target(name: "CArchive"),

        // libcurl, loaded with dlopen when a request is sent (headers from libcurl4-openssl-dev).
        .target(name: "CCurl"),

        // Long runs of a byte class found 64 bytes at a time (SSE2): the base64 and candidate
        // probes that pass over every byte of every scanned file; and a caseless byte search.
        .target(name: "CByteRuns"),

        // Foundation level: located YAML and diagnostics, encodings, stable JSON, severity.
        .target(name: "KeyWardenSupport", dependencies: [yams, crypto]),

        // Detection: rules are data; matching knows bytes, not files; inputs know files and git.
        .target(name: "KeyWardenRules", dependencies: ["KeyWardenSupport"]),
        .target(name: "KeyWardenMatching", dependencies: ["KeyWardenRules", "KeyWardenSupport", "CHyperscan", "CPCRE2", "CByteRuns", crypto]),
        .target(name: "KeyWardenInputs", dependencies: ["KeyWardenSupport", "CArchive"]),
        .target(name: "KeyWardenScan", dependencies: ["KeyWardenMatching", "KeyWardenRules", "KeyWardenInputs",
                                                      "KeyWardenReportModel", "KeyWardenSupport"]),
        .target(name: "KeyWardenHooks", dependencies: ["KeyWardenInputs", "KeyWardenSupport"]),

        // Keys: the vocabulary policies and inventories share, then each side on its own.
        .target(name: "KeyWardenAccounts", dependencies: ["KeyWardenSupport"]),
        .target(name: "KeyWardenPolicy", dependencies: ["KeyWardenAccounts", "KeyWardenSupport"]),
        .target(name: "KeyWardenInventory", dependencies: ["KeyWardenAccounts", "KeyWardenSupport", "CCurl", crypto]),
        .target(name: "KeyWardenAudit", dependencies: ["KeyWardenPolicy", "KeyWardenInventory", "KeyWardenAccounts", crypto,
                                                       "KeyWardenReportModel", "KeyWardenSupport"]),

        // Verification (`scan --verify`): found exchange credentials asked about through the
        // inventory connectors; between Scan and Inventory, which do not know each other.
        .target(name: "KeyWardenVerification", dependencies: ["KeyWardenScan", "KeyWardenRules", "KeyWardenInventory", "KeyWardenAccounts", crypto,
                                                              "KeyWardenReportModel", "KeyWardenSupport"]),

        // Reports: the document both halves fill in, and the writers that know nothing else.
        .target(name: "KeyWardenReportModel", dependencies: ["KeyWardenSupport"]),
        .target(name: "KeyWardenReport", dependencies: ["KeyWardenReportModel", "KeyWardenSupport"]),

        // Fuzzing: every parser of outside input as a target, and a mutation fuzzer over them
        // (Scripts/fuzz.sh); the tests replay the seeds and the saved crashing inputs.
        .target(name: "KeyWardenFuzzTargets", dependencies: ["KeyWardenAudit", "KeyWardenScan", "KeyWardenInputs", "KeyWardenInventory",
                                                             "KeyWardenMatching", "KeyWardenPolicy", "KeyWardenReportModel",
                                                             "KeyWardenRules", "KeyWardenVerification"]),
        .executableTarget(name: "keywarden-fuzz", dependencies: ["KeyWardenFuzzTargets"]),

        .executableTarget(
            name: "keywarden",
            dependencies: [
                "KeyWardenScan", "KeyWardenAudit", "KeyWardenReport", "KeyWardenHooks", "KeyWardenVerification",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers both test targets use (test targets cannot share source files).
        .target(name: "KeyWardenTestSupport", dependencies: ["KeyWardenInventory", "KeyWardenAccounts", "KeyWardenSupport"],
                path: "Tests/KeyWardenTestSupport"),
        .testTarget(name: "KeyWardenCoreTests", dependencies: [
            "KeyWardenSupport", "KeyWardenRules", "KeyWardenMatching", "KeyWardenInputs", "KeyWardenScan", "KeyWardenHooks",
            "KeyWardenAccounts", "KeyWardenPolicy", "KeyWardenInventory", "KeyWardenAudit", "KeyWardenReportModel",
            "KeyWardenReport", "KeyWardenTestSupport", "KeyWardenFuzzTargets", "KeyWardenVerification", crypto,
        ], exclude: ["Fixtures"]),  // read by path (PackagePaths), not bundled
        .testTarget(name: "KeyWardenCLITests", dependencies: [
            "keywarden", "KeyWardenSupport", "KeyWardenAccounts", "KeyWardenInventory", "KeyWardenReport", "KeyWardenReportModel",
            "KeyWardenTestSupport",
        ]),
    ]
)

// Concrete generic types (a `Set<UInt8>`, an array of a file type) are reached through their
// metadata accessors instead of by mangled name. Resolving a mangled name at run time checks
// the type's conformances by scanning the static binary's ~7,000 conformance records, once per
// type: about 4 ms of CPU at every start, a sixth of a pre-commit scan (README, "Staged").
for target in package.targets where target.name.lowercased().hasPrefix("keywarden") && target.type != .test {
    target.swiftSettings = (target.swiftSettings ?? [])
        + [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]
}
