/// Finds money and counted figures in cleaned text.
///
/// One left-to-right pass over Unicode scalars: every maximal numeral run is read whole (so 2860套
/// is never read as 860套), then the unit and qualifier words around it decide whether it is a
/// figure. Look-behind is a few scalars, so the scan stays linear whatever the input.
public struct FigureScanner: Sendable {
    public init() {}

    /// Every money or counted figure in `text` (already scanned into Unicode scalars), left to right, non-overlapping.
    public func figures(in text: [Unicode.Scalar]) -> [Figure] {
        text.withUnsafeBufferPointer { scan($0) }
    }

    private func scan(_ text: UnsafeBufferPointer<Unicode.Scalar>) -> [Figure] {
        var figures: [Figure] = []
        var index = 0
        var floor = 0
        let runStarts = NumeralScalar.runStarts
        while index < text.count {
            guard runStarts.contains(text[index].value) else {
                index += 1
                continue
            }
            let (figure, resume) = read(text, at: index, floor: floor, mayJoin: true)
            if let figure {
                figures.append(figure)
                floor = figure.range.upperBound
            }
            index = max(resume, index + 1)
        }
        return figures
    }

    /// The figure whose numeral run starts at `start`, if any, and where scanning resumes.
    /// `floor` keeps qualifier look-behind out of the previous figure; `mayJoin` allows
    /// 3000万元—5000万元 to become one range (only one level deep, so the scan stays linear).
    private func read(
        _ text: UnsafeBufferPointer<Unicode.Scalar>, at start: Int, floor: Int, mayJoin: Bool
    ) -> (Figure?, Int) {
        let end = NumeralGrammar.runEnd(in: text, from: start)
        if let brokenEnd = brokenGroupingEnd(text, start: start, end: end) { return (nil, brokenEnd) }
        guard let number = NumeralGrammar.parse(text, start..<end) else { return (nil, end) }
        if isRejected(text, start: start, end: end, number: number) {
            // 第3至5批: the far end of an ordinal range is no figure either.
            if let connectorEnd = connector(text, at: end), connectorEnd < text.count,
                NumeralScalar.startsRun(text[connectorEnd])
            {
                return (nil, NumeralGrammar.runEnd(in: text, from: connectorEnd))
            }
            return (nil, end)
        }
        if let connectorEnd = connector(text, at: end), connectorEnd < text.count,
            NumeralScalar.startsRun(text[connectorEnd]),
            let outcome = readRange(text, left: number, start: start, rightStart: connectorEnd)
        {
            return outcome
        }
        return readSingle(text, number: number, start: start, end: end, floor: floor, mayJoin: mayJoin)
    }

    /// 1,234,56元: a number already grouped in thousands that goes on with a short group is
    /// broken, not a list; its tail must not be read as 56元. Returns where the whole thing ends.
    private func brokenGroupingEnd(_ text: UnsafeBufferPointer<Unicode.Scalar>, start: Int, end: Int) -> Int? {
        guard end + 1 < text.count, NumeralScalar.of(text[end]) == .comma, NumeralScalar.of(text[end + 1]).isArabic,
            (start..<end).contains(where: { NumeralScalar.of(text[$0]) == .comma })
        else { return nil }
        var index = end + 1
        while index < text.count, NumeralScalar.of(text[index]).isArabic { index += 1 }
        return index
    }

    /// Context that makes a numeral something other than a quantity: an ordinal (第三批), part of
    /// a code, date or phone number (G105, 2023-02-05), a fraction (百分之八十), a vague amount
    /// (数百家, 上千人; not 企业数125家, where 数 is "the number of"), or a financial digit standing
    /// alone as an ordinary word (陆家嘴).
    private func isRejected(
        _ text: UnsafeBufferPointer<Unicode.Scalar>, start: Int, end: Int, number: ParsedNumeral
    ) -> Bool {
        if end - start == 1, NumeralScalar.isFinancialForm(text[start]) { return true }
        guard start > 0 else { return false }
        let before = text[start - 1]
        if isASCIILetter(before) { return true }
        switch before {
        case "第", ".", "．", "几", "幾":
            return true
        case "数", "數":
            // 数百家, 数千人 are vague; 企业数125家 (the number of enterprises: 125) is a count.
            return !NumeralScalar.of(text[start]).isArabic
        case "-", "－", "/", "／", ":", "：", "_":
            return start >= 2 && (NumeralScalar.of(text[start - 2]).isArabic || isASCIILetter(text[start - 2]))
        case "之":
            return start >= 2 && text[start - 2] == "分"
        case "点", "點":
            // 三十二点五万元, 零点五亿元: the decimal part of a spoken decimal, which the grammar does
            // not read; taken alone it would be a figure ten or more times wrong.
            return start >= 2 && NumeralScalar.startsRun(text[start - 2])
        case "上", "成", "好", "余", "餘", "多":
            return number.impliedOne
        default:
            return false
        }
    }

    /// 3000—5000万元, 3至5亿元, 3-5万人: the bare left end borrows the right end's multiplier.
    /// `nil` when this is not a range at all (the caller then reads the left end alone); a figure-less
    /// outcome when it is a range that bounds nothing (low above high), which swallows both ends.
    private func readRange(
        _ text: UnsafeBufferPointer<Unicode.Scalar>, left: ParsedNumeral, start: Int, rightStart: Int
    ) -> (Figure?, Int)? {
        let rightEnd = NumeralGrammar.runEnd(in: text, from: rightStart)
        guard let right = NumeralGrammar.parse(text, rightStart..<rightEnd) else { return nil }
        if rightEnd < text.count, QualifierWords.isMiddle(text[rightEnd]) { return nil }
        guard let (unit, unitEnd) = UnitWords.unit(in: text, at: rightEnd) else { return nil }
        if isSetPhrase(text, unit: unit, unitEnd: unitEnd) { return (nil, unitEnd) }
        let power: Int
        if left.hasBig {
            power = 0
        } else if left.hasSmall {
            power = right.bigSuffixPower  // 十至二十万 = 10万..20万
        } else if right.unitSuffixPower > 0 {
            power = right.unitSuffixPower  // 3至5千万 = 3千万..5千万
        } else {
            power = right.trailingSmallPower  // 2-3千人
        }
        guard let low = left.value.timesPowerOfTen(power), low <= right.value else { return (nil, unitEnd) }
        let figure = Figure(
            range: start..<unitEnd, numberRange: start..<(rightEnd - right.unitSuffixLength), value: low,
            qualifier: .range, rangeHigh: right.value, unit: unit
        )
        return (figure, unitEnd)
    }

    private func readSingle(
        _ text: UnsafeBufferPointer<Unicode.Scalar>, number: ParsedNumeral, start: Int, end: Int, floor: Int,
        mayJoin: Bool
    ) -> (Figure?, Int) {
        var value = number.value
        var cursor = end
        var middle: Qualifier?
        if cursor < text.count, QualifierWords.isMiddle(text[cursor]) {
            middle = .over
            cursor += 1
            // 1200余万元, 十多万人: the multiplier comes after 余/多.
            var chainEnd = cursor
            while chainEnd < text.count, isMultiplier(text[chainEnd]) { chainEnd += 1 }
            if chainEnd > cursor {
                guard !number.hasBig, let chain = NumeralGrammar.parse(text, cursor..<chainEnd),
                    chain.bigSuffixPower > 0, let factor = chain.value.integerValue,
                    let scaled = value.multiplied(by: factor)
                else { return (nil, end) }
                value = scaled
                cursor = chainEnd
            }
        }
        guard let (unit, unitEnd) = UnitWords.unit(in: text, at: cursor) else { return (nil, end) }
        if isSetPhrase(text, unit: unit, unitEnd: unitEnd) { return (nil, unitEnd) }
        if case .counted(let classifier) = unit, end - start == 1, text[start] == "一" {
            // 一批 is "a number of", 一次 "at once"; 一座座, 一个个 are "one after another".
            if classifier == .批 || classifier == .次 { return (nil, unitEnd) }
            if unitEnd < text.count, text[unitEnd] == text[unitEnd - 1] { return (nil, unitEnd + 1) }
        }
        if case .counted = unit, end - start == 1, !number.hasArabic, unitEnd < text.count,
            NumeralScalar.of(text[unitEnd]).isChineseNumeral
        {
            // 千家万户, 一户一策, 三人一组: a set phrase, not a count; its second numeral goes with it.
            return (nil, NumeralGrammar.runEnd(in: text, from: unitEnd))
        }
        let before = QualifierWords.before(in: text, endingAt: start, floor: floor)
        let after = QualifierWords.after(in: text, at: unitEnd)
        let qualifier = QualifierWords.combine(before?.qualifier, middle, after?.qualifier)
        let figure = Figure(
            range: (before?.start ?? start)..<(after?.end ?? unitEnd),
            numberRange: start..<(end - number.unitSuffixLength), value: value, qualifier: qualifier,
            rangeHigh: nil, unit: unit
        )
        if mayJoin, qualifier == .exact, let joined = join(text, left: figure, start: start) {
            return joined
        }
        return (figure, figure.range.upperBound)
    }

    /// 3000万元—5000万元: two plain figures with the same unit on either side of a connector.
    private func join(_ text: UnsafeBufferPointer<Unicode.Scalar>, left: Figure, start: Int) -> (Figure?, Int)? {
        let leftEnd = left.range.upperBound
        guard let connectorEnd = connector(text, at: leftEnd), connectorEnd < text.count,
            NumeralScalar.startsRun(text[connectorEnd])
        else { return nil }
        let (candidate, _) = read(text, at: connectorEnd, floor: connectorEnd, mayJoin: false)
        guard let right = candidate, right.qualifier == .exact, right.unit == left.unit,
            right.range.lowerBound == connectorEnd
        else { return nil }
        guard left.value <= right.value else { return (nil, right.range.upperBound) }
        let figure = Figure(
            range: start..<right.range.upperBound, numberRange: start..<right.numberRange.upperBound,
            value: left.value, qualifier: .range, rangeHigh: right.value, unit: left.unit
        )
        return (figure, figure.range.upperBound)
    }

    /// 一对一, 1对1: pairing words, not a count of pairs.
    private func isSetPhrase(_ text: UnsafeBufferPointer<Unicode.Scalar>, unit: FigureUnit, unitEnd: Int) -> Bool {
        guard case .counted(.对) = unit, unitEnd < text.count else { return false }
        return NumeralScalar.startsRun(text[unitEnd])
    }

    /// End of a range connector at `index`: — —— – ~ ～ 〜 - － 至 到.
    private func connector(_ text: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Int? {
        guard index < text.count else { return nil }
        switch text[index] {
        case "—":
            return index + 1 < text.count && text[index + 1] == "—" ? index + 2 : index + 1
        case "–", "~", "～", "〜", "-", "－", "至", "到":
            return index + 1
        default:
            return nil
        }
    }

    private func isMultiplier(_ scalar: Unicode.Scalar) -> Bool {
        switch NumeralScalar.of(scalar) {
        case .small, .big: return true
        default: return false
        }
    }

    private func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }
}
