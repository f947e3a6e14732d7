/// Finds the encoding an HTML page declares in `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, in the manner of the
/// HTML standard's "prescan a byte stream to determine its encoding": a byte-level scan of
/// the first few kilobytes, before anything is decoded. It reads tags, attributes and quotes
/// one byte at a time (no pattern matching over markup), skips comments, and takes the first
/// `<meta>` that declares a charset.
enum MetaCharsetScanner {
    /// Chinese pages carry long heads (keywords, descriptions, inline styles) before their
    /// meta tags, so the window is wider than the standard's 1,024 bytes.
    static let window = 4096

    /// The declared encoding, or nil when the page declares none, or one xiezuo does not read.
    static func declaredEncoding(in bytes: [UInt8], from start: Int) -> TextEncoding? {
        let end = min(bytes.count, start + window)
        var index = start
        while index < end {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if ASCIIBytes.hasPrefix(bytes, at: index, end: end, "<!--") {
                index = ASCIIBytes.skip(past: "-->", in: bytes, from: index + 4, end: end)
                continue
            }
            guard ASCIIBytes.hasPrefix(bytes, at: index, end: end, "<meta"), index + 5 < end,
                ASCIIBytes.isSpace(bytes[index + 5]) || bytes[index + 5] == UInt8(ascii: "/")
            else {
                index += 1
                continue
            }
            let (label, next) = charsetLabel(in: bytes, from: index + 5, end: end)
            if let label { return TextEncoding(label: label) }
            index = next
        }
        return nil
    }

    /// Reads the attributes of one `<meta` tag; returns the charset it declares, if any, and
    /// the index after the tag.
    private static func charsetLabel(in bytes: [UInt8], from start: Int, end: Int) -> (String?, Int) {
        var index = start
        var charset: String?
        var content: String?
        var isContentType = false
        while index < end {
            while index < end, ASCIIBytes.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < end, bytes[index] != UInt8(ascii: ">") else { break }
            let nameStart = index
            while index < end, !ASCIIBytes.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/")
            {
                index += 1
            }
            let name = String(decoding: bytes[nameStart..<index].map(ASCIIBytes.lowercased), as: UTF8.self)
            while index < end, ASCIIBytes.isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < end, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < end, ASCIIBytes.isSpace(bytes[index]) { index += 1 }
                let valueStart: Int
                let valueEnd: Int
                if index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    valueStart = index + 1
                    index = valueStart
                    while index < end, bytes[index] != quote { index += 1 }
                    valueEnd = index
                    if index < end { index += 1 }
                } else {
                    valueStart = index
                    while index < end, !ASCIIBytes.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                        index += 1
                    }
                    valueEnd = index
                }
                value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            }
            switch name {
            case "charset": if charset == nil { charset = value }
            case "http-equiv": isContentType = value.lowercased() == "content-type"
            case "content": if content == nil { content = value }
            default: break
            }
        }
        if index < end { index += 1 }
        if let charset { return (charset, index) }
        if isContentType, let content { return (charsetParameter(of: content), index) }
        return (nil, index)
    }

    /// The value after `charset=` in a Content-Type value (`text/html; charset=gb2312`).
    private static func charsetParameter(of content: String) -> String? {
        let bytes = Array(content.utf8)
        var index = 0
        while index < bytes.count {
            guard ASCIIBytes.hasPrefix(bytes, at: index, end: bytes.count, "charset") else {
                index += 1
                continue
            }
            index += 7
            while index < bytes.count, ASCIIBytes.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, ASCIIBytes.isSpace(bytes[index]) { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                index += 1
            }
            let start = index
            while index < bytes.count, !ASCIIBytes.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ";"),
                bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'")
            {
                index += 1
            }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }
        return nil
    }
}
