// swift-tools-version: 6.0
import PackageDescription

// The build is a pipeline; each stage is a module (see docs/architecture.md):
// Load -> Validate -> Plan -> Render -> Write, run in order by Site, driven by the `valgrund` CLI.
let package = Package(
    name: "Valgrund",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "valgrund", targets: ["valgrund"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "Markdown", dependencies: ["CMark"]),
        .target(name: "Model", dependencies: ["Diagnostics", "Markdown"]),
        .target(name: "Load", dependencies: ["Diagnostics", "Markdown", "Yams"]),
        .target(name: "Validate", dependencies: ["Diagnostics", "Load", "Model", "Yams"]),
        .target(name: "Plan", dependencies: ["Model"]),
        .target(name: "Document", dependencies: ["ZIPFoundation"]),
        .target(name: "Search", dependencies: ["Diagnostics"]),
        .target(
            name: "Render",
            dependencies: [
                "Diagnostics", "Markdown", "Model", "Plan", "Load", "Yams", "Document", "Search", "Write",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]
        ),
        .target(name: "CFileSystem"),
        .target(name: "Write", dependencies: ["Diagnostics", "CFileSystem"]),
        .target(
            name: "Serve",
            dependencies: [
                "Diagnostics",
                "Write",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "Site", dependencies: ["Diagnostics", "Load", "Validate", "Model", "Plan", "Render", "Markdown", "Search", "Write", "Yams"]),
        .executableTarget(
            name: "valgrund",
            dependencies: ["Site", "Diagnostics", "Model", "Render", "Serve", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "FuzzHarness", dependencies: ["Site", "Diagnostics", "Model"]),
        .executableTarget(name: "valgrund-fuzz", dependencies: ["FuzzHarness"]),
        .executableTarget(name: "embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], resources: [.copy("Resources")]),
        .testTarget(name: "DomainTests", dependencies: ["Model"]),
        .testTarget(
            name: "ValgrundTests",
            dependencies: ["Site", "Load", "Validate", "Model", "Plan", "Render", "Write", "Diagnostics", "Document", "ZIPFoundation",
                           "Serve", "FuzzHarness", "Markdown", "Search", .product(name: "NIOCore", package: "swift-nio")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
