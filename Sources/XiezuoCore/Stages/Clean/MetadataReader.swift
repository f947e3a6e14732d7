/// Reads 发布时间 / 来源 / 本文转自 lines: "类别:国内 发布时间:2023-02-05 06:46:00 来源:每日看点快看",
/// "本文转自:南方日报".
///
/// A metadata line is short, has no full stop, and holds a known label followed by a colon
/// at its start or after a space. The generic labels 时间 and 日期 only count above the first
/// prose paragraph, where pages put their own date; in the body they more likely give the
/// time of an event.
enum MetadataReader {
    private enum Field { case published, anyDate, original, source, other }

    /// Longest first, so that 本文转自 wins over 转自 and 发布时间 over 时间.
    private static let labels: [(label: [Unicode.Scalar], field: Field)] = {
        let table: [(String, Field)] = [
            ("发布时间", .published), ("发布日期", .published), ("发表时间", .published), ("发表日期", .published),
            ("发稿时间", .published), ("發佈時間", .published), ("發布時間", .published), ("發表時間", .published),
            ("發佈日期", .published), ("發布日期", .published), ("时间", .anyDate), ("日期", .anyDate),
            ("時間", .anyDate), ("本文转自", .original), ("本文轉自", .original), ("转自", .original),
            ("轉自", .original), ("原载", .original), ("原載", .original), ("本文来源", .source),
            ("本文來源", .source), ("来源", .source), ("來源", .source), ("稿源", .source), ("出处", .source),
            ("出處", .source), ("类别", .other), ("類別", .other), ("分类", .other), ("分類", .other),
            ("栏目", .other), ("欄目", .other), ("作者", .other), ("浏览次数", .other), ("浏览", .other),
            ("瀏覽", .other), ("阅读量", .other), ("阅读", .other), ("閱讀", .other), ("点击", .other),
            ("字号", .other), ("字號", .other),
        ]
        return table.map { (ScalarText.scalars($0.0), $0.1) }.sorted { $0.label.count > $1.label.count }
    }()
    private static let maxLineChars = 100

    static func isMetadataLine(_ line: [Unicode.Scalar]) -> Bool {
        guard TextShape.weight(line) <= maxLineChars, !line.contains("。") else { return false }
        return !fields(of: line).isEmpty
    }

    /// The page's metadata from its metadata lines; `firstProse` bounds the generic date labels
    /// and the bare timestamps that pages print under the headline.
    static func read(lines: [TextLine], kinds: [LineKind], firstProse: Int) -> PageMetadata {
        var metadata = PageMetadata()
        for (index, line) in lines.enumerated() where kinds[index] == .metadata {
            for (field, value) in fields(of: line.scalars) {
                switch field {
                case .published, .anyDate:
                    if metadata.published == nil, field == .published || index < firstProse,
                        let (date, _) = DateTextReader.date(in: line.scalars, at: value)
                    {
                        metadata.published = date
                    }
                case .original:
                    if metadata.originalOutlet == nil { metadata.originalOutlet = outlet(in: line.scalars, at: value) }
                case .source:
                    if metadata.sourceOutlet == nil { metadata.sourceOutlet = outlet(in: line.scalars, at: value) }
                case .other:
                    break
                }
            }
        }
        if metadata.published == nil {
            for index in 0..<min(firstProse, lines.count) where kinds[index] == .timestamp {
                if let (date, _) = DateTextReader.date(in: lines[index].scalars, at: 0) {
                    metadata.published = date
                    break
                }
            }
        }
        return metadata
    }

    /// Each label of the line with the position where its value starts. A label counts at
    /// the line start or after a space, and only when a colon follows (本文转自 may omit it).
    private static func fields(of line: [Unicode.Scalar]) -> [(Field, Int)] {
        var found: [(Field, Int)] = []
        let leadingDateEnd = DateTextReader.date(in: line, at: 0)?.end
        var position = 0
        while position < line.count {
            if position == 0 || line[position - 1] == " " || position == leadingDateEnd {
                if let (field, valueStart) = label(in: line, at: position) {
                    found.append((field, valueStart))
                    position = valueStart
                    continue
                }
            }
            position += 1
        }
        return found
    }

    private static func label(in line: [Unicode.Scalar], at position: Int) -> (Field, Int)? {
        for (label, field) in labels where ScalarText.hasPrefix(line[position...], label) {
            var index = position + label.count
            while index < line.count, line[index] == " " { index += 1 }
            if index < line.count, line[index] == ":" || line[index] == "：" {
                index += 1
                while index < line.count, line[index] == " " { index += 1 }
                return (field, index)
            }
            if field == .original, position == 0, index < line.count { return (field, index) }
        }
        return nil
    }

    /// The outlet named from `start` to the next space, without trailing punctuation.
    private static func outlet(in line: [Unicode.Scalar], at start: Int) -> String? {
        var end = start
        while end < line.count, line[end] != " " { end += 1 }
        while end > start, !ScalarText.isWordScalar(line[end - 1]) { end -= 1 }
        guard end > start, line[start..<end].contains(where: { ScalarText.isHan($0) || ScalarText.isASCIILetter($0) })
        else { return nil }
        return ScalarText.string(line[start..<end])
    }
}
