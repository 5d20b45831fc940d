// swift-tools-version: 6.0
import PackageDescription

// The build is a pipeline; each stage is a module (see docs/architecture.md):
// Load -> Validate -> Plan -> Render -> Write, run in order by Site, driven by the `valgrund` CLI.
// Markup, which every stage may use, writes bytes and markup and depends on nothing.
//
// Linux only: the output folder is swapped in with renameat2 and files are written through
// Glibc's descriptors, and the preview watches folders with inotify. `platforms` lists no Apple
// platform because none is built or tested (see README.md, "Developing").
let package = Package(
    name: "Valgrund",
    products: [
        .executable(name: "valgrund", targets: ["valgrund"])
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
        // zlib compresses the PNG pictures of Word exports (ZIPFoundation's own copy is private to it).
        .systemLibrary(
            name: "Zlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libhyphen puts soft hyphens into long words (Sources/Hyphenation); it has no pkg-config
        // file, so the library is named in the module map. Its patterns (hyphen-sv, hyphen-en-us)
        // are read at run time.
        .systemLibrary(
            name: "CHyphen",
            providers: [.apt(["libhyphen-dev", "hyphen-sv", "hyphen-en-us"])]
        ),
        .target(name: "Hyphenation", dependencies: ["CHyphen"]),
        .target(name: "Markup"),
        .target(name: "Diagnostics"),
        .target(name: "Markdown", dependencies: ["CMark", "Diagnostics", "Markup", "Hyphenation"]),
        .target(name: "Model", dependencies: ["Diagnostics", "Markdown"]),
        .target(name: "Load", dependencies: ["Diagnostics", "Markup", "Markdown", "Yams"]),
        .target(name: "Validate", dependencies: ["Diagnostics", "Markup", "Load", "Model", "Yams"]),
        .target(name: "Plan", dependencies: ["Markup", "Model"]),
        .target(name: "Document", dependencies: ["Markup", "Zlib", "ZIPFoundation"]),
        .target(name: "Search", dependencies: ["Markup"]),
        .target(
            name: "Render",
            dependencies: [
                "Diagnostics", "Markup", "Markdown", "Hyphenation", "Model", "Plan", "Load", "Yams", "Document", "Search", "Write",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]
        ),
        .target(name: "CFileSystem"),
        .target(name: "Write", dependencies: ["Diagnostics", "CFileSystem"]),
        .target(
            name: "Serve",
            dependencies: [
                "Diagnostics", "Markup", "Write",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // What the content asks Kolada for, and fetching it (URLSession: HTTP and TLS through the toolchain's libcurl).
        .target(name: "Kolada", dependencies: ["Diagnostics", "Load", "Model", "Write"]),
        .target(
            name: "Site",
            dependencies: ["Diagnostics", "Markup", "Load", "Validate", "Model", "Plan", "Render", "Markdown", "Hyphenation", "Search", "Write", "Yams"]),
        .executableTarget(
            name: "valgrund",
            dependencies: ["Site", "Diagnostics", "Kolada", "Model", "Render", "Serve", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "FuzzHarness", dependencies: ["Site", "Diagnostics", "Model"]),
        .executableTarget(name: "valgrund-fuzz", dependencies: ["FuzzHarness"]),
        .executableTarget(name: "embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        // Tests follow the modules; each target holds small sites written inline (as Hugo's and
        // Zola's suites do) and the shared helpers of ValgrundTestSupport.
        .target(
            name: "ValgrundTestSupport",
            dependencies: ["Site", "Diagnostics", "Model", "Document", "Search", "Write"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "SearchTests", dependencies: ["Search"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "Hyphenation"], resources: [.copy("Resources")]),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "LoadValidateTests", dependencies: ["ValgrundTestSupport", "Site", "Load", "Validate", "Model", "Diagnostics", "Markup"]),
        .testTarget(name: "PlanTests", dependencies: ["ValgrundTestSupport", "Site", "Plan", "Model"]),
        .testTarget(
            name: "RenderTests",
            dependencies: [
                "ValgrundTestSupport", "Site", "Render", "Document", "Markdown", "Search", "Model", "Load", "Validate", "Diagnostics",
                "Hyphenation", "ZIPFoundation", .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "WriteTests", dependencies: ["ValgrundTestSupport", "Site", "Write", "Model"]),
        .testTarget(name: "ServeTests", dependencies: ["ValgrundTestSupport", "Serve", .product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(name: "KoladaTests", dependencies: ["ValgrundTestSupport", "Kolada", "Site", "Model"]),
        .testTarget(name: "SiteTests", dependencies: ["ValgrundTestSupport", "Site", "Write", "Model", "FuzzHarness"]),
    ]
)
