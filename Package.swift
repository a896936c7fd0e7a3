// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Vellum",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vellum", targets: ["vellum"]),
        .library(name: "Routers", targets: ["Routers"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in Hummingbird's graph; named so VellumServer may import them.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Release binaries carry the Swift runtime and Foundation (`-static-stdlib`; the Foundation
        // archives are named in one group, since their order matters and SwiftPM does not give it):
        // no dynamic linking at start, which is a third of a rebuild that changes nothing
        // (`vellum --version` 6 ms instead of 12; scripts/bench-incremental).
        .executableTarget(name: "vellum", dependencies: ["VellumCLI"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group", "-Xlinker", "-lFoundation", "-Xlinker", "-lFoundationEssentials", "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "-lCoreFoundation", "-Xlinker", "-l_FoundationICU", "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-lswiftSynchronization", "-Xlinker", "-lstdc++", "-Xlinker", "--end-group"], .when(platforms: [.linux], configuration: .release))]),
        .executableTarget(name: "rst-conformance", dependencies: ["RST", "DocTree"], path: "scripts/conformance-runner"),
        .target(name: "VellumCLI", dependencies: [
            "Site", "DocTree", "RST", "VellumServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "DocTree"),
        // `vellum serve`: the only target that imports Hummingbird; the CLI uses it, no library does.
        .target(name: "VellumServer", dependencies: [
            "Site", "DocTree", "CrossRef", "HTMLWriter",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Markup", dependencies: ["DocTree"]),
        .target(name: "RST", dependencies: ["DocTree", "Markup"]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CrossRef", dependencies: ["DocTree", "Markup", "CZlib"]),
        .target(name: "Extensions", dependencies: ["DocTree", "Markup", "CrossRef", "HTMLWriter"]),
        .target(name: "Highlighting"),
        .executableTarget(name: "highlight-tool", dependencies: ["Highlighting"], path: "scripts/highlight-tool"),
        .target(name: "HTMLWriter", dependencies: ["DocTree", "Highlighting"]),
        .target(name: "CFileSystem"),
        .target(name: "Site", dependencies: [
            "DocTree", "CFileSystem", "RST", "Markdown", "Domains", "Autodoc", "CrossRef", "HTMLWriter", "Extensions",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .target(name: "Markdown", dependencies: ["CCmark", "DocTree", "RST"]),
        .target(name: "Domains", dependencies: ["DocTree", "Markup", "CrossRef", "Extensions", "HTMLWriter"]),
        .target(name: "Autodoc", dependencies: [
            "DocTree", "RST", "Domains", "Extensions",
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
        ]),
        .target(name: "Routers"),
        .testTarget(name: "DocTreeTests", dependencies: ["DocTree"]),
        .testTarget(name: "CrossRefTests", dependencies: ["CrossRef", "DocTree", "Domains"]),
        .testTarget(name: "HighlightingTests", dependencies: ["Highlighting"]),
        .testTarget(name: "HTMLWriterTests", dependencies: ["HTMLWriter", "DocTree"]),
        .testTarget(name: "RSTTests", dependencies: ["RST", "DocTree", "Domains", "Extensions"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "DocTree", "VellumCLI", "CrossRef"], exclude: ["Fixtures"]),
        .testTarget(name: "RoutersTests", dependencies: ["Routers"]),
        .testTarget(name: "VellumServerTests", dependencies: ["VellumServer", "Site", "DocTree"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "DocTree", "Domains", "Extensions"], exclude: ["Fixtures"]),
        .testTarget(name: "DomainsTests", dependencies: ["Domains", "RST", "DocTree", "Extensions", "CrossRef", "HTMLWriter", "Markup"], exclude: ["Fixtures"]),
        .testTarget(name: "AutodocTests", dependencies: ["Autodoc", "DocTree", "RST", "Domains", "Extensions", "CrossRef"], exclude: ["Fixtures", "Oracle"]),
    ]
)
