/// The output tables and their columns, in the order and with the meaning of EXTRACTION.md.
public struct TableSchema: Sendable, Equatable {
    public var name: String
    public var description: String
    public var columns: [TableColumn]
    /// Columns whose values identify a row (datapackage.json `primaryKey`).
    public var primaryKey: [String]
    /// The column that refers to a row of `documents` by its `doc_id` (datapackage.json
    /// `foreignKeys`); nil for none. Every reference to a document uses that one key.
    public var documentReference: String?

    public var columnNames: [String] { columns.map(\.name) }

    public static let documents = TableSchema(
        name: "documents", description: "One row per article found; a source file may hold several.",
        columns: [
            TableColumn("doc_id", .text, "the article's id, unique per row: doc- and 16 hex digits, from its source, part and text"),
            TableColumn("text_id", .text, "text- and 16 hex digits, a hash of the cleaned text: identical copies share it"),
            TableColumn("source", .text, "file path relative to the directory of pipeline.json (absolute outside it; README, Source names), or the URL"),
            TableColumn("part", .integer, "0-based index of the article within its source"),
            TableColumn(
                "title", .text, optional: true,
                "the headline a reader would name, never site chrome; in Simplified Chinese like the text (script keeps the page's own)"),
            TableColumn(
                "published", .date, optional: true,
                "publication date the article's own lines state (info line, 来源 line), else the page's metadata or address; empty rather than a date of the body or the site's chrome"),
            TableColumn(
                "outlet", .text, optional: true, dictionary: true,
                "outlet the page names for the article (本文转自, 来源, beside the date, dateline, byline: 新快报, 南方日报, …)"),
            TableColumn("script", .text, dictionary: true, "hans or hant: the script of the original text"),
            TableColumn("chars", .integer, "length of the cleaned text, in characters"),
            TableColumn("removed_chars", .integer, "characters removed by cleaning (boilerplate, spam)"),
            TableColumn("duplicate_of", .text, optional: true, "doc_id of the copy that was kept, if this article is a duplicate"),
            TableColumn(
                "programme", .text, optional: true, dictionary: true,
                "the cooperation programmes the article is about (东西部协作, 对口支援, 百千万工程, …), ;-separated in a fixed order; empty when it names none"),
            firstSeenRun,
        ],
        primaryKey: ["doc_id"], documentReference: "duplicate_of"
    )

    /// Not a table of EXTRACTION.md: where each paragraph of a cleaned article came from, so
    /// that a fact's `offset` can be traced back to the source file's bytes (docs/provenance.md).
    public static let paragraphs = TableSchema(
        name: "paragraphs",
        description: "Where each paragraph of a cleaned article came from in its source file.",
        columns: [
            TableColumn("doc_id", .text, "the article (documents.doc_id)"),
            TableColumn("paragraph", .integer, "0-based index of the paragraph in the cleaned text (the headline is 0)"),
            TableColumn("char_offset", .integer, "offset of the paragraph's first character in the cleaned article, in Unicode code points"),
            TableColumn("chars", .integer, "length of the paragraph in the cleaned text, in Unicode code points"),
            TableColumn("line_first", .integer, optional: true, "first line of the source file it came from, 1-based; empty if unknown"),
            TableColumn("line_last", .integer, optional: true, "last line of the source file it came from, 1-based; empty if unknown"),
            TableColumn("byte_start", .integer, optional: true, "byte offset in the source file where line_first starts; empty if unknown"),
            TableColumn("byte_end", .integer, optional: true, "byte offset in the source file where line_last ends, its line break excluded; empty if unknown"),
        ],
        primaryKey: ["doc_id", "paragraph"], documentReference: "doc_id"
    )

    public static let investments = TableSchema(
        name: "investments", description: "Money: investments, funds, donations, trade, output and income.",
        columns: factColumns(
            value: TableColumn("amount_cny", .money, "the figure in yuan (47.2万元 → 472000)"),
            low: TableColumn("low_cny", .money, optional: true, "lower bound the wording gives, in yuan"),
            high: TableColumn("high_cny", .money, optional: true, "upper bound the wording gives, in yuan"),
            categories: "investment, fund, donation, trade, output or income"
        ),
        primaryKey: ["fact_id"], documentReference: "doc_id"
    )

    public static let jobs = TableSchema(
        name: "jobs", description: "People: employment, positions, labour transfer, training and beneficiaries.",
        columns: countColumns(categories: "employment, positions, transfer, training or beneficiaries"),
        primaryKey: ["fact_id"], documentReference: "doc_id"
    )

    public static let projects = TableSchema(
        name: "projects", description: "Counts of projects, enterprises, parks, events and pairings.",
        columns: countColumns(categories: "projects, enterprises, parks, events or pairings"),
        primaryKey: ["fact_id"], documentReference: "doc_id"
    )

    public static let summary = TableSchema(
        name: "summary", description: "The aggregate stage's output: facts grouped as configured in pipeline.json.",
        columns: [
            TableColumn("fact_table", .text, dictionary: true, "investments, jobs or projects"),
            TableColumn("category", .text, optional: true, dictionary: true, "the group's category; empty = all"),
            TableColumn("year", .year, optional: true, "the group's year; empty = all, or unknown when grouped by year"),
            TableColumn("region", .text, optional: true, dictionary: true, "the group's region; empty = all, or unknown when grouped by region"),
            TableColumn("province", .text, optional: true, dictionary: true, "the group's province; empty = all, or unknown when grouped by province"),
            TableColumn("city", .text, optional: true, dictionary: true, "the group's prefecture-level city; empty = all, or unknown when grouped by city"),
            TableColumn("county", .text, optional: true, dictionary: true, "the group's county; empty = all, or unknown when grouped by county"),
            TableColumn("partner_region", .text, optional: true, dictionary: true, "the group's partner region; empty = all, or none named when grouped by it"),
            TableColumn("programme", .text, optional: true, dictionary: true, "the group's documents.programme; empty = all, or none named when grouped by it"),
            TableColumn("facts", .integer, "number of distinct facts in the group"),
            TableColumn("documents", .integer, "number of distinct articles contributing"),
            TableColumn("total", .money, "sum of amount_cny or count over the distinct facts"),
            TableColumn("min", .money, "smallest figure in the group"),
            TableColumn("max", .money, "largest figure in the group"),
        ],
        primaryKey: [], documentReference: nil
    )

    public static let rejects = TableSchema(
        name: "rejects", description: "Inputs or records that could not be processed.",
        columns: [
            TableColumn("source", .text, "file path relative to the directory of pipeline.json (absolute outside it; README, Source names), or the URL"),
            TableColumn("stage", .text, dictionary: true, "the stage that rejected it"),
            TableColumn("reason", .text, "what is wrong, in words a person understands"),
        ],
        primaryKey: [], documentReference: nil
    )

    public static let all: [TableSchema] = [documents, investments, jobs, projects, summary, rejects, paragraphs]

    public static func facts(_ table: FactTable) -> TableSchema {
        switch table {
        case .investments: return investments
        case .jobs: return jobs
        case .projects: return projects
        }
    }

    private static func countColumns(categories: String) -> [TableColumn] {
        factColumns(
            value: TableColumn("count", .integer, "whole number of people or items (近千个 → 1000)"),
            low: TableColumn("low", .integer, optional: true, "lower bound the wording gives"),
            high: TableColumn("high", .integer, optional: true, "upper bound the wording gives"),
            categories: categories
        )
    }

    private static func factColumns(value: TableColumn, low: TableColumn, high: TableColumn, categories: String) -> [TableColumn] {
        [
            TableColumn("fact_id", .text, "the figure's id, unique per row: fact- and 16 hex digits, from doc_id and char_offset"),
            TableColumn("doc_id", .text, "the article (documents.doc_id)"),
            TableColumn("year", .year, optional: true, "the year the figure refers to, if stated or inferable"),
            TableColumn(
                "year_basis", .text, optional: true, dictionary: true,
                "where the year comes from: stated (in the figure's clause or its sentence's opening), context (a frame of its paragraph or article), published (今年, 目前, a month-day against the publication date); empty when year is"),
            TableColumn("region", .text, optional: true, dictionary: true, "most specific place the figure is about, by its full gazetteer name (广州市, 广西壮族自治区, 长布镇)"),
            TableColumn(
                "region_code", .text, optional: true, dictionary: true,
                "6-digit administrative division code of the region; townships, villages and communities carry their county's code"),
            TableColumn("province", .text, optional: true, dictionary: true, "the region's province (itself when it is one)"),
            TableColumn("city", .text, optional: true, dictionary: true, "the region's prefecture-level city (itself when it is one; a municipality for its districts)"),
            TableColumn("county", .text, optional: true, dictionary: true, "the region's county-level division (itself when it is one)"),
            TableColumn("partner_region", .text, optional: true, dictionary: true, "the helping or paired side of the figure (广州市 helping 毕节市), by its full name; empty when none is named"),
            TableColumn("partner_region_code", .text, optional: true, dictionary: true, "6-digit division code of partner_region"),
            TableColumn("category", .text, dictionary: true, categories),
            value,
            TableColumn("qualifier", .text, dictionary: true, "exact, over, under, approx or range"),
            low,
            high,
            TableColumn("text", .text, "the span as it stands in the cleaned text"),
            TableColumn("evidence", .text, "the sentence it was found in"),
            TableColumn("char_offset", .integer, "offset of text in the cleaned article, in Unicode code points"),
            firstSeenRun,
        ]
    }

    /// Lineage: the run (run.json's `run_id`) that first stored the row's article.
    private static let firstSeenRun = TableColumn(
        "first_seen_run", .integer, "the run (run.json run_id) that first stored this article; a fact's is its article's")
}
