/// One regions.csv row as region resolution needs it: its official name, its short form, its
/// level and the rows that enclose it. The scanner reports what the text wrote (三都, 三都县,
/// 三都水族自治县); the resolver needs to know that these are one place and which county, city and
/// province hold it, so that an article's places can be rolled up (城南社区 → 三都县 → 黔南州).
struct GazetteerPlace: Sendable, Equatable {
    /// Full official name: 三都水族自治县.
    var name: String
    /// The short form regions.csv gives (三都), or nil.
    var short: String?
    var level: PlaceLevel
    /// Row indices of the enclosing division. Usually one; several when the parent's name is shared
    /// by several divisions (鼓楼区 is a district of four cities) and the row has no adcode to tell
    /// them apart (townships have none). Empty for provinces.
    var parents: [Int32]
    /// The 6-digit administrative division code (adcode) of provinces, prefectures and counties;
    /// nil for townships (the source gives them none).
    var code: String? = nil

    /// Every row's ancestors through all its parents, as a flat table (see `Gazetteer.ancestors`):
    /// the start of each row's run, plus one end, and the runs.
    static func flattenAncestors(_ places: [GazetteerPlace]) -> (starts: [Int32], ids: [Int32]) {
        var starts: [Int32] = []
        starts.reserveCapacity(places.count + 1)
        var ids: [Int32] = []
        var pending: [Int32] = []
        for place in places {
            starts.append(Int32(ids.count))
            let runStart = ids.count
            pending.append(contentsOf: place.parents)
            while let next = pending.popLast() {
                // Parents are always more senior, so the walk ends; the bound guards bad data.
                guard !ids[runStart...].contains(next), ids.count - runStart < 32 else { continue }
                ids.append(next)
                pending.append(contentsOf: places[Int(next)].parents)
            }
        }
        starts.append(Int32(ids.count))
        return (starts, ids)
    }

    /// Links every row to its parent rows. regions.csv names a parent by its full name only; the
    /// 6-digit adcodes of provinces, prefectures and counties (their first 2 and 4 digits are the
    /// province's and the prefecture's) pick the right one among namesakes where the row has one.
    static func linkParents(_ places: inout [GazetteerPlace], parentNames: [String?], adcodes: [String?]) {
        var rowsByName: [String: [Int32]] = [:]
        for (index, place) in places.enumerated() {
            rowsByName[place.name, default: []].append(Int32(index))
        }
        for index in places.indices {
            guard let parentName = parentNames[index], !parentName.isEmpty, let named = rowsByName[parentName] else { continue }
            let level = places[index].level
            var candidates = named.filter { places[Int($0)].level < level }
            if candidates.count > 1, let code = adcodes[index], code.utf8.count == 6 {
                let matching = candidates.filter { candidate in
                    guard let parentCode = adcodes[Int(candidate)], parentCode.utf8.count == 6 else { return false }
                    let digits = places[Int(candidate)].level == .province ? 2 : 4
                    return parentCode.utf8.prefix(digits).elementsEqual(code.utf8.prefix(digits))
                }
                if !matching.isEmpty { candidates = matching }
            }
            places[index].parents = candidates
        }
    }
}
