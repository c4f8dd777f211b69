// swift-tools-version: 6.0
import PackageDescription
import class Foundation.FileManager

// mimalloc serves every malloc and free of the samsyn program where its development
// package is installed (Debian's libmimalloc-dev; scripts/install-build-deps installs it):
// a large build runs about a tenth faster (docs/performance.md, change 79). Where it is
// not installed, samsyn builds as before on the C library's malloc, so that the CI
// workflows written into existing projects, which install only libyaml, keep building.
let mimalloc = ["/usr/include/mimalloc.h", "/usr/local/include/mimalloc.h"]
    .contains { FileManager.default.fileExists(atPath: $0) }

let package = Package(
    name: "Samsyn",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "samsyn", targets: ["samsyn"]),
        .library(name: "SamsynCore", targets: ["SamsynCore"]),
    ],
    dependencies: [
        // The command line: subcommands, options, --help, exit codes.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The preview server of `samsyn serve`: a small async HTTP/1.1 server without SwiftNIO.
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        // Property-based tests (generators and shrinking in Swift Testing); tests only.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        // One tiny C shim: the atomic directory swap (renameat2) that Glibc's Swift overlay does not expose.
        .target(name: "CSamsynSys"),
        // The system's libyaml (pkg-config yaml-0.1), read through its event API by YAMLComposer.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The system's mimalloc, linked into the samsyn program only (on Linux, where
        // installed): see the top of this file and Sources/samsyn/Allocator.swift.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(
            name: "SamsynCore",
            dependencies: [
                "CYAML",
                "CSamsynSys",
            ]
        ),
        // `samsyn serve`: kept apart so that the core never depends on an HTTP server.
        .target(
            name: "SamsynServe",
            dependencies: [
                "SamsynCore",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "samsyn",
            dependencies: [
                "SamsynCore",
                "SamsynServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + (mimalloc ? [.target(name: "CMimalloc", condition: .when(platforms: [.linux]))] : [])
        ),
        // The libFuzzer target over load and validate. `scripts/fuzz` builds it with
        // -sanitize=fuzzer,address; an ordinary build gives a harmless replayer
        // that runs the same code on the files named on its command line.
        .target(name: "CSamsynFuzz"),
        .executableTarget(
            name: "SamsynFuzz",
            dependencies: ["SamsynCore", "CSamsynFuzz"]
        ),
        .testTarget(
            name: "SamsynCoreTests",
            dependencies: [
                "SamsynCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Fixture projects are read from the source tree, not bundled.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SamsynEndToEndTests",
            dependencies: ["samsyn", "SamsynServe"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
