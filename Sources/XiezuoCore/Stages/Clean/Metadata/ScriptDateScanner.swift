/// Finds the publication time a page keeps in a script: `var pubtime = "2018-11-06 21:40:00";`,
/// `publishTime: '2024-01-05'`, JSON-LD's `"datePublished": "2024-03-27T23:54:00+08:00"`.
///
/// A key counts only as a whole identifier (not inside a longer one), followed by `=` or `:`
/// and a quoted value that starts with a date; `dateModified` and the like are not keys.
enum ScriptDateScanner {
    private static let keys: [[UInt8]] = [
        "pubtime", "publishtime", "publish_time", "pubdate", "publishdate", "publish_date", "datepublished",
    ].map { Array($0.utf8) }

    static func date(in script: String) -> CivilDate? {
        var script = script
        return script.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                if isIdentifierStart(bytes, at: index), let date = dateAfterKey(bytes, at: index) { return date }
                index += 1
            }
            return nil
        }
    }

    private static func isIdentifierStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index == 0 || !isIdentifierByte(bytes[index - 1])
    }

    private static func dateAfterKey(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> CivilDate? {
        for key in keys where matches(key, bytes, at: start) {
            var index = start + key.count
            guard index == bytes.count || !isIdentifierByte(bytes[index]) else { continue }
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                index += 1
            }
            skipSpaces(bytes, &index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: ":") else {
                continue
            }
            index += 1
            skipSpaces(bytes, &index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                continue
            }
            index += 1
            let value = bytes[index..<min(bytes.count, index + 32)].map { Unicode.Scalar($0) }
            if let (date, _) = DateTextReader.date(in: value, at: 0) { return date }
        }
        return nil
    }

    private static func matches(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + key.count <= bytes.count else { return false }
        for (offset, byte) in key.enumerated() {
            var actual = bytes[start + offset]
            if actual >= UInt8(ascii: "A") && actual <= UInt8(ascii: "Z") { actual += 32 }
            if actual != byte { return false }
        }
        return true
    }

    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"):
            return true
        default:
            return false
        }
    }
}
