@testable import XiezuoCore

/// One expected figure, written as `span|number|value|qualifier|low|high|unit` so that a table
/// row reads like the text it describes. `-` is a missing bound; unit is 元 or the classifier.
struct FigureExpectation: Equatable, CustomStringConvertible {
    var span: String
    var number: String
    var value: String
    var qualifier: String
    var low: String
    var high: String
    var unit: String

    init?(_ row: String) {
        let fields = row.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 7 else { return nil }
        (span, number, value, qualifier, low, high, unit) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6])
    }

    init(_ figure: Figure, in text: [Unicode.Scalar]) {
        func slice(_ range: Range<Int>) -> String {
            var string = ""
            string.unicodeScalars.append(contentsOf: text[range])
            return string
        }
        span = slice(figure.range)
        number = slice(figure.numberRange)
        value = figure.value.description
        qualifier = figure.qualifier.rawValue
        low = figure.low?.description ?? "-"
        high = figure.high?.description ?? "-"
        switch figure.unit {
        case .yuan: unit = "元"
        case .counted(let classifier): unit = classifier.rawValue
        }
    }

    var description: String { [span, number, value, qualifier, low, high, unit].joined(separator: "|") }
}
