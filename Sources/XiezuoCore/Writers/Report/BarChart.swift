import Foundation

/// A horizontal bar chart as inline SVG inside a table: one row per group, its label, a bar
/// scaled to the largest group and the figure. Each row carries its numbers in data
/// attributes (`data-fact-table`, `data-by`, `data-key`, `data-total`, `data-facts`) so that
/// tests and scripts read them without parsing the display.
struct BarChart {
    struct Bar {
        var key: String
        var label: String
        var total: Decimal
        var facts: Int
    }

    var factTable: String
    var dimension: String
    var title: String
    var unit: String
    var bars: [Bar]

    static let width = 320.0

    var html: String {
        let largest = bars.map(\.total).max() ?? 0
        var html = "<table class=\"chart\"><caption>\(HTMLEscape.text(title))</caption>\n"
        html += "<thead><tr><th>\(HTMLEscape.text(dimension))</th><th></th><th>\(HTMLEscape.text(unit))</th><th>facts</th></tr></thead><tbody>\n"
        for bar in bars {
            let share = largest > 0 ? NSDecimalNumber(decimal: bar.total / largest).doubleValue : 0
            let length = max(1, (share * Self.width).rounded())
            html += "<tr data-fact-table=\"\(HTMLEscape.text(factTable))\" data-by=\"\(HTMLEscape.text(dimension))\" "
                + "data-key=\"\(HTMLEscape.text(bar.key))\" data-total=\"\(bar.total)\" data-facts=\"\(bar.facts)\">"
                + "<th scope=\"row\">\(HTMLEscape.text(bar.label))</th>"
                + "<td><svg width=\"\(Int(Self.width))\" height=\"14\" role=\"img\" aria-label=\"\(HTMLEscape.text(bar.label))\">"
                + "<rect x=\"0\" y=\"1\" width=\"\(Int(length))\" height=\"12\" rx=\"2\"></rect></svg></td>"
                + "<td class=\"number\">\(Self.grouped(bar.total))</td><td class=\"number\">\(bar.facts)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// `1234567.5` → `1,234,567.5`: digits in groups of three, as analysts read figures.
    static func grouped(_ value: Decimal) -> String {
        let text = "\(value)"
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var integer = String(parts.first ?? "0")
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + groups.joined(separator: ",") + fraction
    }
}
