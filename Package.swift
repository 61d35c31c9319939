// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "samllint",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "samllint", targets: ["samllint"]),
        .library(name: "SAMLLint", targets: ["SAMLLint"]),
        .library(name: "SAMLXML", targets: ["SAMLXML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // DER parsing of metadata certificates (validity, key, signature algorithm); see docs/metadata.md.
        .package(url: "https://github.com/apple/swift-asn1", from: "1.0.0"),
    ],
    targets: [
        // libxml2 + xmlsec1 + OpenSSL headers in one module (see Sources/CLibXMLSec/shim.h).
        .systemLibrary(
            name: "CLibXMLSec",
            pkgConfig: "xmlsec1-openssl",
            providers: [.apt(["libxmlsec1-dev", "libxml2-dev"])]
        ),
        // zlib for the raw DEFLATE of the HTTP-Redirect binding.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libidn2 for IDN domains in their ASCII form (UTS #46), used by email trust.
        .systemLibrary(name: "CIDN2", pkgConfig: "libidn2", providers: [.apt(["libidn2-dev"])]),
        .target(
            name: "SAMLXML",
            dependencies: ["CLibXMLSec", .product(name: "SwiftASN1", package: "swift-asn1")]
        ),
        .target(
            name: "SAMLLint",
            dependencies: [
                "SAMLXML",
                "CZlib",
                "CIDN2",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "samllint",
            dependencies: [
                "SAMLLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc as the command's allocator on Linux: linking it replaces malloc for libxml2,
            // xmlsec and Swift alike (docs/performance.md: glibc's malloc cost 14% more CPU on folders
            // of responses, jemalloc 5% more). The library targets leave the allocator to their host.
            // Debian's libmimalloc-dev ships no pkg-config file, hence a plain library name.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "SAMLXMLTests", dependencies: ["SAMLXML"]),
        .testTarget(name: "SAMLLintTests", dependencies: ["SAMLLint", "SAMLXML"]),
    ],
    swiftLanguageModes: [.v6]
)
