// swift-tools-version: 6.0
// libFuzzer targets for samllint (issue 9). Built apart from the main package because a fuzz target
// has no main: libFuzzer provides it. Build and run with scripts/fuzz.
import PackageDescription

let package = Package(
    name: "samllint-fuzz",
    // `.deps/samllint` is a symlink to the repository root made by scripts/fuzz, so the package is named samllint.
    dependencies: [.package(path: ".deps/samllint")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzInputDecoding", dependencies: ["FuzzSupport", .product(name: "SAMLLint", package: "samllint")]),
        .executableTarget(
            name: "FuzzXMLModel",
            dependencies: ["FuzzSupport", .product(name: "SAMLLint", package: "samllint"), .product(name: "SAMLXML", package: "samllint")]),
        .executableTarget(name: "FuzzLint", dependencies: ["FuzzSupport", .product(name: "SAMLLint", package: "samllint")]),
    ]
)
