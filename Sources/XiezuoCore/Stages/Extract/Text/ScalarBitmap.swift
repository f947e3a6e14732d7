/// A set of Basic Multilingual Plane scalars as a bitmap: membership is a shift and a mask, where
/// `Set<UInt32>` would hash. Used for the first-scalar filters that run at every position of an
/// article (`UnnamedPlaces`) and for the small scalar classes of the region cues.
struct ScalarBitmap: Sendable {
    private var words = [UInt64](repeating: 0, count: 1024)

    init<S: Sequence>(_ values: S) where S.Element == UInt32 {
        for value in values where value < 0x10000 {
            words[Int(value >> 6)] |= 1 << UInt64(value & 63)
        }
    }

    /// Adds `value` (nothing for a scalar beyond the Basic Multilingual Plane).
    mutating func insert(_ value: UInt32) {
        guard value < 0x10000 else { return }
        words[Int(value >> 6)] |= 1 << UInt64(value & 63)
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        value < 0x10000 && words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }
}
