/// libFuzzer's entry point, linked in when built with `-sanitize=fuzzer` (scripts/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else {
        ArticlePath.run([])
        return 0
    }
    ArticlePath.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
