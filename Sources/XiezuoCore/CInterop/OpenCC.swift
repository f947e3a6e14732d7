import COpenCC

/// The only door to OpenCC: converts UTF-8 text with one OpenCC configuration (`t2s.json`,
/// Traditional to Simplified). A final class owns the `opencc_t`, closes it in `deinit`, and
/// checks every return: `opencc_open` answers `(opencc_t)-1` on error and
/// `opencc_convert_utf8` answers `NULL`, each with a message from `opencc_error()`.
///
/// Threads: an instance is not `Sendable`. OpenCC's header singles out `opencc_error()` as the
/// one function that is not thread-safe (it returns a shared static string) and documents
/// nothing about the converter behind a handle, so a handle is used by one thread at a time
/// (`TraditionalConverter` keeps a pool of them, one per concurrently converting worker).
/// Opening and every `opencc_error()` read happen under `OpenCC.errorLock`, so two failing
/// opens cannot overwrite each other's message while it is being copied.
final class OpenCC {
    /// The configuration as given: a file name looked up in OpenCC's data directory
    /// (`/usr/share/opencc/` on Debian) or a path.
    let configuration: String
    private let handle: UnsafeMutableRawPointer

    /// Serialises `opencc_open` and the `opencc_error()` reads that follow failures.
    private static let errorLock = Lock()

    /// Opens `configuration` (for example `"t2s.json"`), loading its dictionaries.
    init(configuration: String) throws(OpenCCError) {
        self.configuration = configuration
        // The message is read inside the same locked section as the open that failed, so a
        // concurrent failing open cannot replace it first.
        let opened: Result<UnsafeMutableRawPointer, OpenCCError> = OpenCC.errorLock.withLock {
            let raw: UnsafeMutableRawPointer? = opencc_open(configuration)
            // (opencc_t)-1 is OpenCC's failure value; NULL is not documented but no handle either.
            guard let raw, raw != UnsafeMutableRawPointer(bitPattern: -1) else {
                return .failure(
                    OpenCCError(function: "opencc_open", configuration: configuration, message: OpenCC.errorMessage())
                )
            }
            return .success(raw)
        }
        handle = try opened.get()
    }

    deinit {
        // opencc_close reports failure only for a handle it does not know; ours came from
        // opencc_open and is closed once, so there is nothing to recover from here.
        _ = opencc_close(handle)
    }

    /// `text` converted. OpenCC reads C strings, so a text holding U+0000 (clean never produces
    /// one) is converted piece by piece between the NULs rather than silently cut at the first.
    func convert(_ text: String) throws(OpenCCError) -> String {
        guard !text.isEmpty else { return "" }
        guard text.utf8.contains(0) else { return try convertWithoutNUL(text) }
        var pieces: [String] = []
        for piece in text.split(separator: "\u{0}", omittingEmptySubsequences: false) {
            pieces.append(try convertWithoutNUL(String(piece)))
        }
        return pieces.joined(separator: "\u{0}")
    }

    private func convertWithoutNUL(_ text: String) throws(OpenCCError) -> String {
        guard !text.isEmpty else { return "" }
        var text = text
        let converted: String? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return "" }
            let output = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { input in
                opencc_convert_utf8(handle, input, bytes.count)
            }
            guard let output else { return nil }
            defer { opencc_convert_utf8_free(output) }
            return String(cString: output)
        }
        guard let converted else {
            throw OpenCCError(
                function: "opencc_convert_utf8", configuration: configuration, message: OpenCC.lastError())
        }
        return converted
    }

    /// OpenCC's message for the last failure of a conversion, copied under the lock. (A failing
    /// conversion sets the message outside the lock: conversions run in parallel. Two conversions
    /// failing at the same instant could swap messages; neither is lost as an error.)
    private static func lastError() -> String {
        errorLock.withLock { errorMessage() }
    }

    /// `opencc_error()` as a string; the caller holds `errorLock`.
    private static func errorMessage() -> String {
        guard let message = opencc_error() else { return "no message from OpenCC" }
        let text = String(cString: message)
        return text.isEmpty ? "no message from OpenCC" : text
    }
}
