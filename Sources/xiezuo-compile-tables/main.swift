import Foundation
import XiezuoCore

// Compiles the rule tables of a resources directory (default: Sources/XiezuoCore/Resources)
// into the binary images xiezuo maps at start-up, writing each beside its CSV sources.
// `--check` writes nothing and exits 1 when an image is missing or differs from what the CSV
// files compile to. Run through scripts/compile-resources.sh.
var arguments = Array(CommandLine.arguments.dropFirst())
let check = arguments.contains("--check")
arguments.removeAll { $0 == "--check" }
let directory = arguments.first ?? "Sources/XiezuoCore/Resources"
do {
    var stale: [String] = []
    for (name, bytes) in try CompiledTables.compile(directory: directory) {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        let current = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        if current == bytes {
            print("\(path): up to date (\(bytes.count) bytes)")
            continue
        }
        if check {
            stale.append(path)
            continue
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        print("\(path): written (\(bytes.count) bytes)")
    }
    if !stale.isEmpty {
        FileHandle.standardError.write(
            Data("\(stale.joined(separator: ", ")): out of date with the CSV files; run scripts/compile-resources.sh\n".utf8))
        exit(1)
    }
} catch {
    FileHandle.standardError.write(Data("xiezuo-compile-tables: \(directory): \(error)\n".utf8))
    exit(1)
}
