// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "keywarden",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "keywarden", targets: ["keywarden"]),
        .library(name: "KeyWardenCore", targets: ["KeyWardenCore"]),
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
        .target(
            name: "KeyWardenCore",
            dependencies: [
                "CHyperscan", "CPCRE2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "keywarden",
            dependencies: [
                "KeyWardenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers both test targets use (test targets cannot share source files).
        .target(name: "KeyWardenTestSupport", dependencies: ["KeyWardenCore"], path: "Tests/KeyWardenTestSupport"),
        .testTarget(name: "KeyWardenCoreTests", dependencies: ["KeyWardenCore", "KeyWardenTestSupport"]),
        .testTarget(name: "KeyWardenCLITests", dependencies: ["keywarden", "KeyWardenCore", "KeyWardenTestSupport"]),
    ]
)
