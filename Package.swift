// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "crm-roi",
  products: [
    .executable(name: "crm-roi", targets: ["CRMROI"]),
    .executable(name: "crm-roi-serve", targets: ["CRMROIServe"]),
  ],
  dependencies: [
    // The command line: subcommands, options, help, completions.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The web app's HTTP server (crm-roi-serve only): SwiftNIO's HTTP/1 parser, with limits.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    // Hummingbird's own foundations, which the web app names in its code (requests' header fields,
    // the event loop's byte buffers, the server's logger, the HTTP parts its channel handler sees): declared so that nothing is imported
    // through another package's back door. No new code is built: Hummingbird already depends on them.
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    // The web app's password: bcrypt (HummingbirdBcrypt only, a small C core), so that the password
    // file holds a hash, never the password.
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    // The web app's uploads: multipart-kit's streaming parser splits a `multipart/form-data` body
    // as it arrives, so that the file goes straight to its owner-only file, never whole in memory.
    .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    // Tests only: property-based checks of the value parsers and the CSV round trip.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    /// Debian's libsqlite3-dev, nothing vendored.
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    /// A small, checked layer over the SQLite C API.
    .target(name: "SQLite", dependencies: ["CSQLite"]),
    /// The domain and the ROI method: pure Swift, no I/O.
    .target(name: "ROIEngine"),
    /// What is no layer's own: a keyed hash (SipHash-2-4) and the build's version.
    .target(name: "Support"),
    /// Expenses, metrics, snapshots and settings in one SQLite file; migrations embedded at build time.
    .target(
      name: "Storage",
      dependencies: ["SQLite", "ROIEngine", "Support"],
      plugins: ["EmbedMigrationsPlugin"]
    ),
    /// Renders a computed report as a table, CSV, Markdown, JSON, a terminal chart or an HTML page.
    .target(name: "Reports", dependencies: ["ROIEngine", "Interchange"]),
    /// CSV in and out: a streaming byte-level RFC 4180 reader, the import and export formats.
    .target(name: "Interchange", dependencies: ["ROIEngine", "Support"]),
    /// Imports and exports run the same way from the command line and the web app: an import read and checked, then written in one transaction.
    .target(name: "Operations", dependencies: ["ROIEngine", "Storage", "Interchange", "Reports"]),
    /// The web app: pages, forms and its security rules, over the same store as the command line.
    .target(
      name: "WebApp",
      dependencies: [
        "ROIEngine", "Storage", "Reports", "Interchange", "Operations", "Support", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"), .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "MultipartKit", package: "multipart-kit"), .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
      ]),
    /// `crm-roi serve`'s server, in its own executable so that the command line builds and starts without it.
    .executableTarget(
      name: "CRMROIServe",
      dependencies: [
        "WebApp", "ROIEngine", "Storage", "Support", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"), .product(name: "NIOCore", package: "swift-nio"),
      ]),
    .executableTarget(
      name: "CRMROI",
      dependencies: [
        "ROIEngine", "Storage", "Reports", "Interchange", "Operations", "SQLite", "Support",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    /// Build-time tool that turns migrations/*.sql into Swift string literals.
    .executableTarget(name: "EmbedMigrations"),
    .plugin(
      name: "EmbedMigrationsPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedMigrations"]
    ),
    /// bench/run's driver: crm-roi against the sqlite3 shell on the same data.
    .executableTarget(name: "crm-roi-bench", dependencies: ["SQLite"], path: "bench/Driver"),
    /// libFuzzer target for the CSV import and the value parsers; see Tests/Fuzz/run.
    /// Built normally, it replays the files given as arguments through the same code.
    .executableTarget(name: "FuzzImport", dependencies: ["Interchange", "ROIEngine"], path: "Tests/Fuzz", exclude: ["run"]),
    .testTarget(
      name: "ROIEngineTests",
      dependencies: ["ROIEngine", .product(name: "PropertyBased", package: "swift-property-based")]),
    .testTarget(
      name: "InterchangeTests",
      dependencies: ["Interchange", "ROIEngine", "Support", .product(name: "PropertyBased", package: "swift-property-based")]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "ROIEngine", "Interchange"]),
    .testTarget(name: "StorageTests", dependencies: ["Storage", "SQLite", "ROIEngine"]),
    .testTarget(name: "CLITests", dependencies: ["CRMROI", "SQLite", "crm-roi-bench"]),
    .testTarget(
      name: "WebAppTests",
      dependencies: [
        "WebApp", "Storage", "SQLite", "ROIEngine", "CRMROI", "CRMROIServe", "Support",
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"), .product(name: "NIOCore", package: "swift-nio"),
      ]),
  ]
)
