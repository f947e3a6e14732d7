#if !FUZZING
import Foundation

/// Without libFuzzer (a plain `swift build`), the target replays the files named on the
/// command line through the same path: the regression runner for saved crash inputs.
/// `xiezuo-fuzz FILE...` prints one line per file and exits 1 when a file cannot be read.
@main
enum Replay {
    static func main() {
        guard ArticlePath.isReady else { exit(2) }
        var failed = false
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("xiezuo-fuzz: cannot read \(path)\n".utf8))
                failed = true
                continue
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let facts = ArticlePath.run([UInt8](data))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("\(path): \(data.count) bytes, \(facts) facts, \(String(format: "%.3f", seconds)) s")
        }
        exit(failed ? 1 : 0)
    }
}
#endif
