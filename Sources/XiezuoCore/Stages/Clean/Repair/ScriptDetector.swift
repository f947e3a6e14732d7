/// Tells Traditional from Simplified text cheaply: frequent characters that exist in only one
/// of the scripts are counted, and the script with more of them wins. Quoting one Traditional
/// name in a Simplified article does not flip it; the content-farm pages that mix in a few
/// Simplified forms stay Traditional. (Conversion to Simplified is OpenCC's job, later.)
enum ScriptDetector {
    /// Pairs at the same position: Traditional form, Simplified form.
    private static let traditional =
        "這國會發來說們對與為經產業區縣鎮鄉時個過還進開關當從實現應點動電長門問間題體數機學將務權資農幫協東車萬億聯灣廣傳統讓記認頭場書義質級設總濟據際項價優貴營費員歲辦華條網視計導續選財買賣錢陽專線號醫藥報創強劃組織態種積極"
    private static let simplified =
        "这国会发来说们对与为经产业区县镇乡时个过还进开关当从实现应点动电长门问间题体数机学将务权资农帮协东车万亿联湾广传统让记认头场书义质级设总济据际项价优贵营费员岁办华条网视计导续选财买卖钱阳专线号医药报创强划组织态种积极"
    private static let first: UInt32 = 0x4E00
    private static let last: UInt32 = 0x9FFF
    /// One byte per ideograph of the main CJK block: 1 Traditional-only, 2 Simplified-only. A
    /// table lookup per scalar instead of hashing: this runs over every article's whole text.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(last - first + 1))
        for scalar in traditional.unicodeScalars { table[Int(scalar.value - first)] = 1 }
        for scalar in simplified.unicodeScalars { table[Int(scalar.value - first)] = 2 }
        return table
    }()

    /// Enough telling characters to decide; a long article stops being read there.
    private static let enough = 200

    static func script(of text: [Unicode.Scalar]) -> Script {
        var traditionalCount = 0
        var simplifiedCount = 0
        let table = Self.table
        for scalar in text where scalar.value >= first && scalar.value <= last {
            switch table[Int(scalar.value - first)] {
            case 1: traditionalCount += 1
            case 2: simplifiedCount += 1
            default: continue
            }
            if traditionalCount + simplifiedCount >= enough { break }
        }
        return traditionalCount > simplifiedCount ? .hant : .hans
    }
}
