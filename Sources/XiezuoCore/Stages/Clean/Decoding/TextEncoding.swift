/// The encodings pages arrive in. GBK and GB2312 are not separate cases: GB18030 is a
/// superset of both, so a page declared as either is decoded as GB18030.
enum TextEncoding: Sendable, Equatable, CaseIterable {
    case utf8
    case utf16LE
    case utf16BE
    case gb18030
    case big5
    /// Big5 with the Hong Kong supplement; only used when a page declares it, because plain
    /// Big5 is what detection can tell apart from GB18030.
    case big5HKSCS

    /// The name used in reject reasons.
    var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030"
        case .big5: "Big5"
        case .big5HKSCS: "Big5-HKSCS"
        }
    }

    /// The name glibc's iconv knows the encoding by.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030"
        case .big5: "BIG5"
        case .big5HKSCS: "BIG5-HKSCS"
        }
    }

    /// Bytes skipped past an invalid sequence before decoding goes on.
    var codeUnitBytes: Int {
        switch self {
        case .utf16LE, .utf16BE: 2
        default: 1
        }
    }

    /// The encoding an HTML charset label names, after the WHATWG Encoding Standard's label
    /// table for the encodings xiezuo reads. A UTF-16 label in a page whose `<meta>` could be
    /// read as ASCII is wrong by construction, and the standard reads it as UTF-8. Any other
    /// label (windows-1252, shift_jis …) is nil: the page's declaration is then ignored and
    /// its encoding detected.
    init?(label: String) {
        let trimmed = label.lowercased().filter { !$0.isWhitespace }
        switch trimmed {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
            "utf-16", "utf-16le", "utf-16be", "unicode", "unicodefeff", "unicodefffe", "ucs-2", "csunicode":
            self = .utf8
        case "gb18030", "gbk", "gb2312", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "ms936", "windows-936",
            "euc-cn", "csgb2312", "chinese", "csiso58gb231280", "iso-ir-58":
            self = .gb18030
        case "big5", "cn-big5", "csbig5", "x-x-big5", "cp950", "windows-950":
            self = .big5
        case "big5-hkscs", "big5hkscs":
            self = .big5HKSCS
        default:
            return nil
        }
    }
}
