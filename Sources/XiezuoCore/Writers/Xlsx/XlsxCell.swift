/// How one table value is put into a cell that Excel reads back unchanged.
///
/// Excel's limits decide: a cell holds at most 32,767 characters (UTF-16 code units), and a
/// number at most 15 significant digits. Longer text is cut, ending in "…"; a figure with more
/// digits is written as text, so that no digit is lost. Both are counted and reported on the
/// workbook's first sheet.
enum XlsxCell: Equatable {
    case empty
    case text(String, truncated: Bool)
    case integer(Double)
    case money(Double)
    /// Days since 1899-12-30, Excel's date serial.
    case date(Double)
    /// A number Excel cannot hold exactly, written as its digits.
    case digits(String)

    static let maximumCharacters = 32_767
    static let maximumSignificantDigits = 15
    /// Excel's serial of 1970-01-01.
    private static let unixEpochSerial = 25_569

    init(_ value: TableValue, type: ColumnType) {
        switch value {
        case .text(let text):
            guard let text else { self = .empty; return }
            self = Self.text(text)
        case .integer(let integer):
            guard let integer else { self = .empty; return }
            if Self.significantDigits(of: String(integer.magnitude)) > Self.maximumSignificantDigits {
                self = .digits(String(integer))
            } else {
                self = type == .money ? .money(Double(integer)) : .integer(Double(integer))
            }
        case .decimal(let decimal):
            guard let decimal else { self = .empty; return }
            let text = decimal.description
            let digits = text.filter(\.isNumber)
            if Self.significantDigits(of: digits) > Self.maximumSignificantDigits {
                self = .digits(text)
            } else if let number = Double(text) {
                self = type == .money ? .money(number) : .integer(number)
            } else {
                self = .digits(text)
            }
        case .date(let date):
            guard let date else { self = .empty; return }
            let serial = date.daysSinceEpoch + Self.unixEpochSerial
            // Excel's serials before 1900-03-01 count a 29 February 1900 that never was.
            self = serial >= 61 ? .date(Double(serial)) : .text(date.description, truncated: false)
        }
    }

    /// Digits that carry the value: leading zeros and the zeros ending an integer do not.
    static func significantDigits(of digits: some StringProtocol) -> Int {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.count - trimmed.reversed().prefix { $0 == "0" }.count
    }

    /// `text`, cut to Excel's limit on a character boundary when longer.
    private static func text(_ text: String) -> XlsxCell {
        guard text.utf16.count > maximumCharacters else { return .text(text, truncated: false) }
        var kept = String.UnicodeScalarView()
        var units = 0
        for scalar in text.unicodeScalars {
            let width = scalar.utf16.count
            guard units + width <= maximumCharacters - 1 else { break }
            kept.append(scalar)
            units += width
        }
        return .text(String(kept) + "…", truncated: true)
    }
}
