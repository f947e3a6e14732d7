/// How the store keeps an article's shingle hashes (`article_shingles.shingles`): the sorted,
/// distinct hashes as gaps (each hash less the one before, less one), Rice-coded with one
/// parameter per article.
///
/// Why: the hashes are close to uniform over 32 bits, so the gaps of n of them are close to
/// geometric with mean 2³²/n, and a Rice code with `k` ≈ log₂ of that mean spends about
/// k + 2 bits a hash, the entropy of such gaps to within a few percent: 2,290 hashes (the
/// 20 MB corpus's mean) take about 22.6 bits each instead of 32. Delta-coded varints would
/// take about 26.5. The count is kept beside the BLOB (`article_shingles.count`): dedupe
/// reads it without decoding anything, and the decoder knows where the padding starts.
///
/// Layout: one byte `k` (0…31), then the bit stream, least significant bit first: per gap,
/// `gap >> k` zero bits, a one bit, and the `k` low bits of the gap.
enum ShingleBlob {
    struct Corrupt: Error {}

    /// `hashes`, ascending and distinct (`ShingleSet.hashes`), coded.
    static func bytes(of hashes: [UInt32]) -> [UInt8] {
        guard let last = hashes.last else { return [] }
        // The mean gap, rounded down to a power of two.
        let mean = (UInt64(last) + 1) / UInt64(hashes.count)
        let k = UInt64(mean > 1 ? min(31, 63 - mean.leadingZeroBitCount) : 0)
        // The gaps sum to at most `last`, so their quotients to at most `last >> k` bits; four
        // bytes of room for the last 32-bit store.
        let bound = 1 + (hashes.count * (Int(k) + 1) + Int(UInt64(last) >> k) + 7) / 8 + 4
        return hashes.withUnsafeBufferPointer { hashes in
            [UInt8](unsafeUninitializedCapacity: bound) { bytes, initialized in
                guard let base = bytes.baseAddress else { return }
                base[0] = UInt8(k)
                var sink = BitSink(base: UnsafeMutableRawPointer(base + 1))
                var next: UInt64 = 0
                let mask = (UInt64(1) << k) - 1
                for hash in hashes {
                    let value = UInt64(hash)
                    // Made by `ShingleSet`, so never false: a programming error, not bad input.
                    precondition(value >= next, "shingle hashes must be ascending and distinct")
                    let gap = value - next
                    next = value + 1
                    var quotient = gap >> k
                    while quotient >= 32 {
                        sink.put(0, width: 32)
                        quotient -= 32
                    }
                    if quotient + 1 + k <= 32 {
                        // The quotient's bits and the low bits in one put: the same bits, in order.
                        sink.put((gap & mask) << (quotient + 1) | 1 << quotient, width: quotient + 1 + k)
                    } else {
                        sink.put(1 << quotient, width: quotient + 1)
                        sink.put(gap & mask, width: k)
                    }
                }
                initialized = 1 + sink.finish()
            }
        }
    }

    /// Bits into memory, least significant first, 32 at a time.
    private struct BitSink {
        let base: UnsafeMutableRawPointer
        private var written = 0
        private var pending: UInt64 = 0
        private var pendingBits: UInt64 = 0

        init(base: UnsafeMutableRawPointer) {
            self.base = base
        }

        /// Appends the `width` (≤ 32) low bits of `value`; fewer than 32 are pending before and after.
        @inline(__always)
        mutating func put(_ value: UInt64, width: UInt64) {
            pending |= value << pendingBits
            pendingBits += width
            guard pendingBits >= 32 else { return }
            base.storeBytes(of: UInt32(truncatingIfNeeded: pending).littleEndian, toByteOffset: written, as: UInt32.self)
            written += 4
            pending >>= 32
            pendingBits -= 32
        }

        /// Stores the bits still pending; returns the bytes written.
        mutating func finish() -> Int {
            while pendingBits > 0 {
                base.storeBytes(of: UInt8(truncatingIfNeeded: pending), toByteOffset: written, as: UInt8.self)
                written += 1
                pending >>= 8
                pendingBits = pendingBits > 8 ? pendingBits - 8 : 0
            }
            return written
        }
    }

    /// The `count` hashes `bytes` holds, ascending and distinct.
    static func hashes(from bytes: UnsafeRawBufferPointer, count: Int) throws(Corrupt) -> [UInt32] {
        guard count > 0 else { return [] }
        guard count <= bytes.count * 8, let first = bytes.first, first < 32 else { throw Corrupt() }
        let k = Int(first)
        var reader = BitReader(bytes: UnsafeRawBufferPointer(rebasing: bytes[1...]))
        var failed = false
        let hashes = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            var next: UInt64 = 0
            for index in 0..<count {
                guard let quotient = reader.unary(), let low = reader.bits(k) else {
                    failed = true
                    return
                }
                let value = next + (quotient << UInt64(k) | low)
                guard value <= UInt64(UInt32.max) else {
                    failed = true
                    return
                }
                buffer[index] = UInt32(value)
                initialized = index + 1
                next = value + 1
            }
        }
        guard !failed else { throw Corrupt() }
        return hashes
    }

    private struct BitReader {
        let bytes: UnsafeRawBufferPointer
        private var position = 0
        private var pending: UInt64 = 0
        private var pendingBits = 0

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        @inline(__always)
        private mutating func refill() {
            while pendingBits <= 56, position < bytes.count {
                pending |= UInt64(bytes[position]) << UInt64(pendingBits)
                position += 1
                pendingBits += 8
            }
        }

        /// The number of zero bits before the next one bit (which is consumed); nil past the end.
        @inline(__always)
        mutating func unary() -> UInt64? {
            var zeros: UInt64 = 0
            while true {
                refill()
                guard pendingBits > 0 else { return nil }
                if pending == 0 {
                    zeros += UInt64(pendingBits)
                    pendingBits = 0
                    continue
                }
                let skipped = pending.trailingZeroBitCount
                zeros += UInt64(skipped)
                pending >>= UInt64(skipped + 1)
                pendingBits -= skipped + 1
                return zeros
            }
        }

        /// The next `width` (≤ 31) bits; nil past the end.
        @inline(__always)
        mutating func bits(_ width: Int) -> UInt64? {
            guard width > 0 else { return 0 }
            refill()
            guard pendingBits >= width else { return nil }
            let value = pending & ((UInt64(1) << UInt64(width)) - 1)
            pending >>= UInt64(width)
            pendingBits -= width
            return value
        }
    }
}
