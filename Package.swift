// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "xiezuo",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "xiezuo", targets: ["xiezuo"]),
        .library(name: "XiezuoCore", targets: ["XiezuoCore"]),
        .library(name: "Parquet", targets: ["Parquet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // 1.16: LogHandler.log(event:), which the JSON and human log handlers implement.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // libcsv from Debian's libcsv-dev: it ships no pkg-config file, so the module map links it by name.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // libcurl for downloads: its write callback lets fetch count decoded bytes and stop at fetch.max_bytes.
        .systemLibrary(name: "CLibCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // The xlsx workbook (output.formats "xlsx") and the PostgreSQL load (output.postgres).
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // A small Apache Parquet writer: no Swift library exists, so xiezuo carries its own.
        .target(name: "Parquet", dependencies: ["CZstd"]),
        .target(
            name: "XiezuoCore",
            dependencies: [
                "CLibCSV",
                "CMalloc",
                "COpenCC",
                "CLibXML2",
                "CLibCurl",
                "CXlsxWriter",
                "CLibPQ",
                "Parquet",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
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
        // libFuzzer target over one source's clean + extract (scripts/fuzz.sh); a plain build
        // replays the files given on its command line instead.
        .executableTarget(name: "xiezuo-fuzz", dependencies: ["XiezuoCore"]),
        // Compiles the rule tables' CSV files into the images xiezuo maps (scripts/compile-resources.sh).
        .executableTarget(name: "xiezuo-compile-tables", dependencies: ["XiezuoCore"]),
        // Fixtures are read from the source tree through #filePath, not bundled.
        .testTarget(name: "XiezuoCoreTests", dependencies: ["XiezuoCore"], exclude: ["Clean/Fixtures", "Figures/Fixtures", "Fuzz/Fixtures"]),
        .testTarget(name: "ParquetTests", dependencies: ["Parquet"], exclude: ["Scripts"]),
        .testTarget(name: "xiezuoTests", dependencies: ["XiezuoCore", "xiezuo"], exclude: ["Fixtures", "Scripts"]),
    ],
    swiftLanguageModes: [.v6]
)
