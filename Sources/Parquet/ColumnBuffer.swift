/// One column's values for the row group being built: the writer holds exactly one row
/// group in memory, then encodes it and starts over (keeping the capacity).
///
/// NULLs are not stored as values: like the format itself (parquet-format README, "Nulls"),
/// a definition level per row says whether a value is present (1) or NULL (0), and the
/// value arrays hold only the present values.
struct ColumnBuffer {
    let column: ParquetColumn
    private(set) var rowCount = 0
    private(set) var nullCount = 0
    /// One per row, only for OPTIONAL columns: 1 = value present, 0 = NULL.
    private(set) var definitionLevels: [UInt8] = []
    /// `.int32` and `.date` values.
    private(set) var int32Values: [Int32] = []
    /// `.int64` and `.decimal` (unscaled) values.
    private(set) var int64Values: [Int64] = []
    /// `.string` values: UTF-8 bytes back to back; value `i` is
    /// `byteArrayData[byteArrayOffsets[i]..<byteArrayOffsets[i + 1]]`.
    private(set) var byteArrayData: [UInt8] = []
    private(set) var byteArrayOffsets: [Int] = [0]
    /// Bytes the buffered values take (levels, values, string offsets), for the writer's
    /// row-group size limit.
    private(set) var byteCount = 0

    init(column: ParquetColumn) {
        self.column = column
    }

    /// The number of present (non-NULL) values.
    var valueCount: Int { rowCount - nullCount }

    /// Appends one cell. The writer has already checked that the value's case matches the
    /// column type and that NULL is allowed.
    mutating func append(_ value: ParquetValue?) {
        rowCount += 1
        guard let value else {
            nullCount += 1
            definitionLevels.append(0)
            byteCount += 1
            return
        }
        if column.optional {
            definitionLevels.append(1)
            byteCount += 1
        }
        switch value {
        case .string(let text):
            byteArrayData.append(contentsOf: text.utf8)
            byteArrayOffsets.append(byteArrayData.count)
            byteCount += text.utf8.count + MemoryLayout<Int>.size
        case .int32(let number), .date(let number):
            int32Values.append(number)
            byteCount += 4
        case .int64(let number), .decimal(let number):
            int64Values.append(number)
            byteCount += 8
        }
    }

    /// The bytes of string value `index` (0-based among present values).
    func byteArray(at index: Int) -> ArraySlice<UInt8> {
        byteArrayData[byteArrayOffsets[index]..<byteArrayOffsets[index + 1]]
    }

    /// Empties the buffer for the next row group, with room for about as many values as this
    /// one held: row groups of a table are alike, and an array grown by doubling (and kept)
    /// would hold up to twice what a row group needs, in every column of every open file.
    mutating func removeAll() {
        rowCount = 0
        nullCount = 0
        byteCount = 0
        Self.empty(&definitionLevels)
        Self.empty(&int32Values)
        Self.empty(&int64Values)
        Self.empty(&byteArrayData)
        Self.empty(&byteArrayOffsets)
        byteArrayOffsets.append(0)
    }

    private static func empty<Element>(_ values: inout [Element]) {
        let room = values.count + values.count / 8
        values = []
        values.reserveCapacity(room)
    }
}
