#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Whether a standard stream is a terminal, for the progress display.
public enum Terminal {
    public static var isStandardError: Bool {
        isatty(STDERR_FILENO) == 1
    }
}
