// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "xiezuo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "xiezuo", targets: ["xiezuo"]),
        .library(name: "XiezuoCore", targets: ["XiezuoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // libcsv from Debian's libcsv-dev: it ships no pkg-config file, so the module map links it by name.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .target(
            name: "XiezuoCore",
            dependencies: [
                "CLibCSV",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "xiezuo",
            dependencies: [
                "XiezuoCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fixtures are read from the source tree through #filePath, not bundled.
        .testTarget(name: "XiezuoCoreTests", dependencies: ["XiezuoCore"], exclude: ["Clean/Fixtures"]),
        .testTarget(name: "xiezuoTests", dependencies: ["XiezuoCore", "xiezuo"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
