import Foundation

/// `xiezuo report`: one self-contained HTML page from the latest set of tables (README,
/// "The report"): totals by year, province and category with inline SVG charts, the largest
/// figures with their sentence and source, what changed since the previous run, rejects and
/// duplicates. No script, font, image or style sheet is fetched: the page is one file that
/// opens anywhere, also offline or as an e-mail attachment.
///
/// Totals are computed from the fact tables (each fact once, as `summary` sums them); every
/// figure shown as a number carries it in data attributes. "What changed" compares with the
/// previous run: rows whose `first_seen_run` is above `previous_run_id` are new, and the
/// previous set of tables (kept under `runs/` until the next run) gives the earlier totals.
public struct HTMLReport {
    public let outputDirectory: String

    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    static let factTables = ["investments", "jobs", "projects"]
    static let units = ["investments": "yuan", "jobs": "people or positions", "projects": "projects, enterprises, events…"]
    static let largest = ["investments": 10, "jobs": 5, "projects": 5]

    public func page() throws(ReportError) -> String {
        guard let set = OutputStaging.currentSet(in: outputDirectory) else {
            throw ReportError(path: outputDirectory, message: "it holds no tables yet; run `xiezuo run` first")
        }
        let runs = URL(fileURLWithPath: outputDirectory).appendingPathComponent(OutputLayout.runs)
        let directory = runs.appendingPathComponent(set).path
        let run = try Self.runJSON(in: directory)
        let runID = run["run_id"] as? Int ?? 0
        let previousRunID = run["previous_run_id"] as? Int ?? 0
        let documents = try ReportTable(set: directory, table: "documents").rows
        var facts: [String: [[String: String]]] = [:]
        for table in Self.factTables { facts[table] = try ReportTable(set: directory, table: table).rows }
        let rejects = try ReportTable(set: directory, table: "rejects").rows
        let previousSet = ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? [])
            .first { $0.hasPrefix("run-\(previousRunID)-") && $0 != set }
        let previousTotals = previousSet.flatMap { try? Self.summaryTotals(in: runs.appendingPathComponent($0).path) }

        let titles = Dictionary(documents.map { ($0["doc_id"] ?? "", $0) }, uniquingKeysWith: { first, _ in first })

        var html = Self.head(run: run)
        html += "<h1>xiezuo: figures of China's regional cooperation programmes</h1>\n"
        html += "<p class=\"meta\">Run <span data-run-id=\"\(runID)\">\(runID)</span>, started \(HTMLEscape.text(run["started"] as? String ?? "")), "
            + "finished \(HTMLEscape.text(run["finished"] as? String ?? "")) (UTC), xiezuo \(HTMLEscape.text(run["xiezuo_version"] as? String ?? "")); "
            + "tables of <code>\(HTMLEscape.text(set))</code>.</p>\n"

        // Key numbers.
        let duplicates = documents.filter { $0["duplicate_of"] != nil }
        html += "<section><h2>At a glance</h2><div class=\"cards\">\n"
        html += Self.card("documents", "\(documents.count - duplicates.count) kept", "of \(documents.count) articles; \(duplicates.count) duplicates", attributes: "data-documents=\"\(documents.count)\" data-duplicates=\"\(duplicates.count)\"")
        for table in Self.factTables {
            let rows = facts[table] ?? []
            let total = Self.sum(rows, table: table)
            html += Self.card(
                table, BarChart.grouped(total), "\(Self.units[table] ?? "") in \(rows.count) facts",
                attributes: "data-fact-table=\"\(table)\" data-by=\"all\" data-key=\"\" data-total=\"\(total)\" data-facts=\"\(rows.count)\"")
        }
        html += Self.card("rejects", "\(rejects.count)", "inputs that could not be read", attributes: "data-rejects=\"\(rejects.count)\"")
        html += "</div></section>\n"

        // Changes.
        html += "<section><h2>Since the previous run</h2>\n"
        if previousRunID == 0 {
            html += "<p>This is the first set of tables in this output directory: everything is new.</p>\n"
        } else {
            let newDocuments = documents.filter { (Int($0["first_seen_run"] ?? "") ?? 0) > previousRunID }.count
            html += "<p>Compared with run \(previousRunID): \(newDocuments) articles are new (<code>first_seen_run</code> &gt; \(previousRunID)).</p>\n"
        }
        html += "<table class=\"changes\"><thead><tr><th>table</th><th>facts</th><th>new facts</th><th>total</th><th>previous total</th><th>change</th></tr></thead><tbody>\n"
        for table in Self.factTables {
            let rows = facts[table] ?? []
            let new = rows.filter { (Int($0["first_seen_run"] ?? "") ?? 0) > previousRunID }
            let total = Self.sum(rows, table: table)
            let before = previousTotals?[table]
            let change = before.map { BarChart.grouped(total - $0) } ?? "—"
            html += "<tr data-fact-table=\"\(table)\" data-new-facts=\"\(new.count)\"><th scope=\"row\">\(table)</th><td class=\"number\">\(rows.count)</td>"
                + "<td class=\"number\">\(new.count)</td><td class=\"number\">\(BarChart.grouped(total))</td>"
                + "<td class=\"number\">\(before.map(BarChart.grouped) ?? "no previous tables")</td><td class=\"number\">\(change)</td></tr>\n"
        }
        html += "</tbody></table></section>\n"

        // Totals with charts.
        for table in Self.factTables {
            let rows = facts[table] ?? []
            html += "<section><h2>\(table): totals</h2><div class=\"charts\">\n"
            html += Self.chart(table, "year", rows) { $0["year"] }.html
            html += Self.chart(table, "province", rows) { $0["province"] }.html
            html += Self.chart(table, "category", rows) { $0["category"] }.html
            html += "</div></section>\n"
        }

        // Largest figures.
        html += "<section><h2>Largest figures</h2>\n"
        for table in Self.factTables {
            let value = table == "investments" ? "amount_cny" : "count"
            let top = (facts[table] ?? []).sorted {
                let (a, b) = (Decimal(string: $0[value] ?? "") ?? 0, Decimal(string: $1[value] ?? "") ?? 0)
                return a != b ? a > b : ($0["fact_id"] ?? "") < ($1["fact_id"] ?? "")
            }.prefix(Self.largest[table] ?? 5)
            html += "<h3>\(table)</h3><table class=\"largest\"><thead><tr><th>figure</th><th>year</th><th>region</th><th>category</th>"
                + "<th>as written</th><th>sentence</th><th>article</th></tr></thead><tbody>\n"
            for row in top {
                let document = titles[row["doc_id"] ?? ""] ?? [:]
                let source = document["source"] ?? ""
                let link = source.hasPrefix("http://") || source.hasPrefix("https://")
                    ? "<a href=\"\(HTMLEscape.text(source))\">\(HTMLEscape.text(source))</a>" : "<code>\(HTMLEscape.text(source))</code>"
                html += "<tr data-fact-id=\"\(HTMLEscape.text(row["fact_id"] ?? ""))\" data-value=\"\(HTMLEscape.text(row[value] ?? ""))\">"
                    + "<td class=\"number\">\(BarChart.grouped(Decimal(string: row[value] ?? "") ?? 0))</td>"
                    + "<td>\(HTMLEscape.text(row["year"] ?? ""))</td><td>\(HTMLEscape.text(row["region"] ?? ""))</td>"
                    + "<td>\(HTMLEscape.text(row["category"] ?? ""))</td><td>\(HTMLEscape.text(row["text"] ?? ""))</td>"
                    + "<td class=\"evidence\">\(HTMLEscape.text(row["evidence"] ?? ""))</td>"
                    + "<td>\(HTMLEscape.text(document["title"] ?? "(no title)"))<br>\(link)</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += "</section>\n"

        // Rejects and duplicates.
        html += "<section><h2>Rejects and duplicates</h2>\n"
        let byStage = Dictionary(grouping: rejects, by: { $0["stage"] ?? "" }).mapValues(\.count).sorted { $0.key < $1.key }
        html += "<p>\(rejects.count) inputs rejected" + (byStage.isEmpty ? "" : ": " + byStage.map { "\($0.value) at \(HTMLEscape.text($0.key))" }.joined(separator: ", ")) + ".</p>\n"
        if !rejects.isEmpty {
            html += "<table class=\"rejects\"><thead><tr><th>source</th><th>stage</th><th>reason</th></tr></thead><tbody>\n"
            for reject in rejects.prefix(50) {
                html += "<tr><td><code>\(HTMLEscape.text(reject["source"] ?? ""))</code></td><td>\(HTMLEscape.text(reject["stage"] ?? ""))</td>"
                    + "<td>\(HTMLEscape.text(reject["reason"] ?? ""))</td></tr>\n"
            }
            html += "</tbody></table>\n"
            if rejects.count > 50 { html += "<p>… and \(rejects.count - 50) more in <code>csv/rejects.csv</code>.</p>\n" }
        }
        let copies = Dictionary(grouping: duplicates, by: { $0["duplicate_of"] ?? "" }).mapValues(\.count)
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        html += "<p>\(duplicates.count) articles are copies of \(copies.count) kept ones; their figures are counted once.</p>\n"
        if !copies.isEmpty {
            html += "<table class=\"duplicates\"><thead><tr><th>kept article</th><th>source</th><th>copies</th></tr></thead><tbody>\n"
            for (kept, count) in copies.prefix(10) {
                let document = titles[kept] ?? [:]
                html += "<tr><td>\(HTMLEscape.text(document["title"] ?? "(no title)"))</td><td><code>\(HTMLEscape.text(document["source"] ?? ""))</code></td>"
                    + "<td class=\"number\">\(count)</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += "</section>\n<footer>Made by <code>xiezuo report</code> from <code>\(HTMLEscape.text(directory))</code>. "
            + "Every figure traces back to its article: see README, \"Tables\".</footer>\n</body>\n</html>\n"
        return html
    }

    /// Writes the page to `path` through a temporary file renamed over it, so a reader never
    /// sees half a page.
    public func write(to path: String) throws(ReportError) {
        let html = try page()
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw ReportError(path: path, message: "the page cannot be written (\(error.localizedDescription))")
        }
        do {
            try FileSystemCalls.rename(temporary, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ReportError(path: path, message: "the page cannot be written (\(SystemCallError.message(for: error.code)))")
        }
    }

    private static func sum(_ rows: [[String: String]], table: String) -> Decimal {
        let column = table == "investments" ? "amount_cny" : "count"
        return rows.reduce(Decimal(0)) { $0 + (Decimal(string: $1[column] ?? "") ?? 0) }
    }

    private static func chart(_ table: String, _ dimension: String, _ rows: [[String: String]], key: ([String: String]) -> String?) -> BarChart {
        let column = table == "investments" ? "amount_cny" : "count"
        var totals: [String: (total: Decimal, facts: Int)] = [:]
        for row in rows {
            let group = key(row) ?? ""
            totals[group, default: (0, 0)].total += Decimal(string: row[column] ?? "") ?? 0
            totals[group, default: (0, 0)].facts += 1
        }
        let ordered: [(key: String, value: (total: Decimal, facts: Int))]
        if dimension == "year" {
            ordered = totals.sorted { (Int($0.key) ?? Int.min) > (Int($1.key) ?? Int.min) }
        } else {
            ordered = totals.sorted { $0.value.total != $1.value.total ? $0.value.total > $1.value.total : $0.key < $1.key }
        }
        let bars = ordered.map { entry in
            BarChart.Bar(key: entry.key, label: entry.key.isEmpty ? "unknown" : entry.key, total: entry.value.total, facts: entry.value.facts)
        }
        return BarChart(factTable: table, dimension: dimension, title: "by \(dimension)", unit: units[table] ?? "", bars: bars)
    }

    private static func card(_ title: String, _ figure: String, _ note: String, attributes: String) -> String {
        "<div class=\"card\" \(attributes)><h3>\(HTMLEscape.text(title))</h3><p class=\"figure\">\(HTMLEscape.text(figure))</p><p>\(HTMLEscape.text(note))</p></div>\n"
    }

    private static func runJSON(in directory: String) throws(ReportError) -> [String: Any] {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(OutputLayout.runReport).path
        guard let data = FileManager.default.contents(atPath: path),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { throw ReportError(path: path, message: "run.json cannot be read") }
        return object
    }

    /// Per fact table, the sum of `summary.total`: the groups partition the facts.
    private static func summaryTotals(in directory: String) throws(ReportError) -> [String: Decimal] {
        var totals: [String: Decimal] = [:]
        for row in try ReportTable(set: directory, table: "summary").rows {
            totals[row["fact_table"] ?? "", default: 0] += Decimal(string: row["total"] ?? "") ?? 0
        }
        return totals
    }

    private static func head(run: [String: Any]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>xiezuo report, run \(run["run_id"] as? Int ?? 0)</title>
        <style>
        body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #1d2330; max-width: 1200px; }
        h1 { font-size: 1.6em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #d0d5dd; } .meta { color: #555; }
        .cards { display: flex; flex-wrap: wrap; gap: 1em; } .card { border: 1px solid #d0d5dd; border-radius: 6px; padding: 0.6em 1em; min-width: 12em; }
        .card h3 { margin: 0; font-size: 0.9em; color: #555; } .card .figure { font-size: 1.4em; font-weight: bold; margin: 0.2em 0; }
        .charts { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
        table { border-collapse: collapse; margin: 0.5em 0; } th, td { padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
        thead th { border-bottom: 1px solid #999; } caption { font-weight: bold; text-align: left; padding: 0.3em 0; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        svg rect { fill: #3b6fb6; } td.evidence { max-width: 40em; } table.largest td, table.rejects td { border-bottom: 1px solid #eee; }
        footer { margin-top: 3em; color: #777; font-size: 0.9em; }
        </style>
        </head>
        <body>

        """
    }
}
