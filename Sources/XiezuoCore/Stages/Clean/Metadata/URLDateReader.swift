/// Reads the date news sites and e-paper systems put into an article's address:
/// `/2023/0512/c1001-….html`, `/2021-03/09/c_….htm`, `/html/2020-12/01/content_….htm`,
/// `/2018/11-06/….shtml`, `/2022/9/7/….shtml`, `/202110/t20211025_1234567.html`,
/// `/epaper/2024/02/15/…`, `/20240215/…`.
///
/// Only the path is read (not the host or the query), and only whole path segments or the
/// `tYYYYMMDD_` prefix of a file name, so that article numbers (`/1208863434427469824`,
/// `/2024/12345.html`) and months without a day (`/202306/58914753.html`) give no date.
enum URLDateReader {
    static func date(in url: String) -> CivilDate? {
        let segments = pathSegments(of: url)
        for (index, segment) in segments.enumerated() {
            let rest = Array(segments[(index + 1)...])
            if let date = date(starting: segment, then: rest) { return date }
        }
        return nil
    }

    /// The path's segments, the last one (the file name) included.
    private static func pathSegments(of url: String) -> [Substring] {
        var text = Substring(url)
        if let scheme = text.range(of: "://") {
            text = text[scheme.upperBound...]
            guard let slash = text.firstIndex(of: "/") else { return [] }
            text = text[slash...]
        }
        if let end = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<end] }
        return text.split(separator: "/")
    }

    private static func date(starting segment: Substring, then rest: [Substring]) -> CivilDate? {
        let parts = segment.split(separator: "-", omittingEmptySubsequences: false)
        // 2024-03-31
        if parts.count == 3, let date = make(parts[0], parts[1], parts[2]) { return date }
        // 2022-06/24
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let day = rest.first, day.count <= 2,
            let date = make(parts[0], parts[1], day)
        {
            return date
        }
        // 20240331
        if segment.count == 8, segment.allSatisfy(isDigit),
            let date = make(segment.prefix(4), segment.dropFirst(4).prefix(2), segment.suffix(2))
        {
            return date
        }
        // t20211025_1234567.html
        if segment.first == "t", segment.count > 10, segment.dropFirst().prefix(8).allSatisfy(isDigit),
            segment.dropFirst(9).first == "_"
        {
            let digits = segment.dropFirst().prefix(8)
            return make(digits.prefix(4), digits.dropFirst(4).prefix(2), digits.suffix(2))
        }
        guard segment.count == 4, segment.allSatisfy(isDigit), let next = rest.first else { return nil }
        // 2024/0331/…, 2019/04-29/…
        if next.count == 4, next.allSatisfy(isDigit) {
            return make(segment, next.prefix(2), next.suffix(2))
        }
        let monthDay = next.split(separator: "-", omittingEmptySubsequences: false)
        if monthDay.count == 2, monthDay[0].count == 2, monthDay[1].count == 2 {
            return make(segment, monthDay[0], monthDay[1])
        }
        // 2023/6/16/…, 2024/02/15/…
        if next.count <= 2, rest.count >= 2, rest[1].count <= 2 {
            return make(segment, next, rest[1])
        }
        return nil
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static func make(_ year: Substring, _ month: Substring, _ day: Substring) -> CivilDate? {
        guard year.count == 4, (1...2).contains(month.count), (1...2).contains(day.count),
            year.allSatisfy(isDigit), month.allSatisfy(isDigit), day.allSatisfy(isDigit),
            let y = Int(year), let m = Int(month), let d = Int(day), (1990...2100).contains(y)
        else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
