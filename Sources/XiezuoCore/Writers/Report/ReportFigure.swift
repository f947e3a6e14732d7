import Foundation

/// A figure's value and the groups it counts in, for the report's totals.
struct ReportFigure {
    var table: String
    var value: Decimal
    var row: [String: String]
}
