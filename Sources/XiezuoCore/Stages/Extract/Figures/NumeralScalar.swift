/// The part a Unicode scalar can play in a numeral. A plain switch on code points keeps the
/// scanner's hot loop free of `Character`, Foundation and lookup tables that need lazy setup.
enum NumeralScalar: Equatable {
    /// 0-9, ASCII or full-width.
    case arabic(UInt8)
    /// `.` or full-width `．`.
    case point
    /// `,` or full-width `，`; only a thousands separator when the groups say so.
    case comma
    /// 零〇一二两…九 and the financial forms 壹贰叁…玖 (0-9).
    case chineseDigit(UInt8)
    /// 十百千 and 拾佰仟, as powers of ten (1...3).
    case small(Int)
    /// 万 and 亿 (and 萬 億), as powers of ten (4 or 8).
    case big(Int)
    case other

    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> NumeralScalar {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return .arabic(UInt8(value - 0x30))
            case 0x2E: return .point
            case 0x2C: return .comma
            default: return .other
            }
        }
        if value < 0x3007 { return .other }
        switch value {
        case 0xFF10...0xFF19: return .arabic(UInt8(value - 0xFF10))
        case 0xFF0E: return .point
        case 0xFF0C: return .comma
        case 0x3007, 0x96F6: return .chineseDigit(0)  // 〇 零
        case 0x4E00, 0x58F9: return .chineseDigit(1)  // 一 壹
        case 0x4E8C, 0x4E24, 0x5169, 0x8D30, 0x8CB3: return .chineseDigit(2)  // 二 两 兩 贰 貳
        case 0x4E09, 0x53C1: return .chineseDigit(3)  // 三 叁
        case 0x56DB, 0x8086: return .chineseDigit(4)  // 四 肆
        case 0x4E94, 0x4F0D: return .chineseDigit(5)  // 五 伍
        case 0x516D, 0x9646, 0x9678: return .chineseDigit(6)  // 六 陆 陸
        case 0x4E03, 0x67D2: return .chineseDigit(7)  // 七 柒
        case 0x516B, 0x634C: return .chineseDigit(8)  // 八 捌
        case 0x4E5D, 0x7396: return .chineseDigit(9)  // 九 玖
        case 0x5341, 0x62FE: return .small(1)  // 十 拾
        case 0x767E, 0x4F70: return .small(2)  // 百 佰
        case 0x5343, 0x4EDF: return .small(3)  // 千 仟
        case 0x4E07, 0x842C: return .big(4)  // 万 萬
        case 0x4EBF, 0x5104: return .big(8)  // 亿 億
        default: return .other
        }
    }

    /// Whether a numeral run can start here (a digit or a Chinese numeral character).
    @inline(__always)
    static func startsRun(_ scalar: Unicode.Scalar) -> Bool {
        switch of(scalar) {
        case .arabic, .chineseDigit, .small, .big: return true
        case .point, .comma, .other: return false
        }
    }

    /// Every scalar that `startsRun` accepts (all lie in the Basic Multilingual Plane), as a
    /// bitmap: the figure scan asks at every scalar of every article, and one bit test is a
    /// fraction of the switch.
    static let runStarts = ScalarBitmap((0..<0x10000).filter { value in
        Unicode.Scalar(UInt32(value)).map(startsRun) ?? false
    }.map(UInt32.init))

    /// Financial forms double as ordinary words (陆家嘴, 队伍, 收拾), so one standing alone is not read as a number.
    static func isFinancialForm(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x58F9, 0x8D30, 0x8CB3, 0x53C1, 0x8086, 0x4F0D, 0x9646, 0x9678, 0x67D2, 0x634C, 0x7396, 0x62FE, 0x4F70, 0x4EDF:
            return true
        default:
            return false
        }
    }

    var isArabic: Bool {
        if case .arabic = self { return true }
        return false
    }

    var isChineseNumeral: Bool {
        switch self {
        case .chineseDigit, .small, .big: return true
        case .arabic, .point, .comma, .other: return false
        }
    }
}
