/// Collects the distinct byte strings of one column chunk in first-seen order and hands out
/// their dictionary indices (parquet-format Encodings.md, "Dictionary Encoding"): the
/// dictionary page holds the entries PLAIN-encoded, data pages hold the indices.
///
/// Entries are keyed by their UTF-8 bytes, never by `String`: Swift's `String` equality is
/// canonical equivalence, which would merge distinct byte sequences ("é" precomposed and
/// decomposed) and silently change data. First-seen order (not hash order) keeps the output
/// deterministic.
///
/// The builder refuses new entries past `maximumEntries` or once the PLAIN dictionary page
/// would exceed `maximumPlainBytes`: a huge dictionary saves nothing and every reader must
/// hold it in memory, so the chunk is then written PLAIN instead.
struct DictionaryBuilder {
    let maximumEntries: Int
    let maximumPlainBytes: Int
    /// Entries in index order. Slices share storage with the row group's value buffer.
    private(set) var entries: [ArraySlice<UInt8>] = []
    /// The size of the PLAIN-encoded dictionary page: 4-byte length plus bytes per entry.
    private(set) var plainByteCount = 0
    private var indexOfEntry: [ByteKey: UInt32] = [:]

    init(maximumEntries: Int = 65_536, maximumPlainBytes: Int = 1 << 20) {
        self.maximumEntries = maximumEntries
        self.maximumPlainBytes = maximumPlainBytes
    }

    /// The index of `value`, adding it if new; `nil` if adding it would exceed a limit.
    mutating func index(of value: ArraySlice<UInt8>) -> UInt32? {
        let key = ByteKey(bytes: value)
        if let existing = indexOfEntry[key] { return existing }
        let size = 4 + value.count
        guard entries.count < maximumEntries, plainByteCount + size <= maximumPlainBytes else { return nil }
        let index = UInt32(entries.count)
        indexOfEntry[key] = index
        entries.append(value)
        plainByteCount += size
        return index
    }

    /// The dictionary page body: PLAIN BYTE_ARRAY values (4-byte little-endian length + bytes).
    func plainEncoded() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(plainByteCount)
        for entry in entries {
            PlainEncoder.appendByteArray(entry, to: &output)
        }
        return output
    }

    /// Bits per index in the data pages. At least 1: a width of 0 is legal for a one-entry
    /// dictionary, but 1 costs nothing measurable and no reader trips over it.
    var indexBitWidth: Int {
        max(1, RLEHybridEncoder.bitWidth(forMaximum: UInt64(max(entries.count - 1, 0))))
    }
}
