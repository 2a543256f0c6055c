// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Glossary",
    products: [
        .library(name: "Glossary", targets: ["Glossary"]),
        .executable(name: "glossary", targets: ["GlossaryCLI"]),
        // The C interface (Sources/GlossaryC/include/glossary.h) as libGlossaryC.so,
        // for C programs and the Python package.
        .library(name: "GlossaryC", type: .dynamic, targets: ["GlossaryC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // For `swift package generate-documentation` (the DocC catalog); not linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The system ICU (Debian: libicu-dev). Only the C target below includes its headers.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Plain-C bridge to ICU plus the embedded default data files. Its public header
        // uses only plain C types, so no Swift module ever sees an ICU type (see DESIGN.md).
        .target(
            name: "CGlossary",
            dependencies: ["CICU"]
        ),
        .target(
            name: "Glossary",
            dependencies: ["CGlossary"]
        ),
        // The C interface over the library: @_cdecl functions and opaque handles; its
        // header is include/glossary.h, which no Swift module imports.
        .target(
            name: "GlossaryC",
            dependencies: ["Glossary"],
            exclude: ["include"]
        ),
        .executableTarget(
            name: "GlossaryCLI",
            dependencies: [
                "Glossary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The complete example of the DocC article "Using Glossary during ingest"; the
        // tests run it.
        .executableTarget(
            name: "glossary-ingest-example",
            dependencies: ["Glossary"],
            path: "Examples/Ingest"
        ),
        // Swift-level benchmarks (see Benchmarks/README.md): not part of the tests.
        .executableTarget(
            name: "glossary-benchmark",
            dependencies: ["Glossary"],
            path: "Benchmarks/Swift"
        ),
        .testTarget(
            name: "GlossaryTests",
            dependencies: ["Glossary", "GlossaryCLI", "glossary-ingest-example"]
        ),
    ]
)
