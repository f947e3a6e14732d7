import Foundation

#if FUZZING
/// libFuzzer's driver. SwiftPM renames an executable's entry point, so libFuzzer's own `main`
/// is never linked; this one hands the command line to the driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

/// Built by scripts/fuzz.sh (`-sanitize=fuzzer -DFUZZING`): libFuzzer's command line.
/// Built plainly: `xiezuo-fuzz FILE...` replays the files through the same path, one line per
/// file, and exits 1 when a file cannot be read; the runner for saved crash inputs.
@main
enum FuzzMain {
    static func main() {
        guard ArticlePath.isReady else { exit(2) }
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        // A closure, not the @_cdecl function itself: taking its C address emits the symbol twice.
        exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
        replay(CommandLine.arguments.dropFirst())
        #endif
    }

    private static func replay(_ paths: ArraySlice<String>) {
        var failed = false
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("xiezuo-fuzz: cannot read \(path)\n".utf8))
                failed = true
                continue
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = ArticlePath.run([UInt8](data))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(
                "\(path): \(data.count) bytes, \(outcome.articles) articles, \(outcome.paragraphs) paragraphs, "
                    + "\(outcome.facts) facts, \(String(format: "%.3f", seconds)) s")
        }
        exit(failed ? 1 : 0)
    }
}
