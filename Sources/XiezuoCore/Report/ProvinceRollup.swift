/// The province of a fact's region, through the bundled gazetteer: 三都县 → 贵州省. A name the
/// gazetteer does not know, or one shared by places in different provinces, has none.
struct ProvinceRollup {
    private let gazetteer: Gazetteer
    private var cache: [String: String?] = [:]

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    mutating func province(of region: String) -> String? {
        if let known = cache[region] { return known }
        let candidates = gazetteer.places(named: ArraySlice(Array(region.unicodeScalars)))
        var provinces = Set<String>()
        for id in candidates {
            let chain = [id] + Array(gazetteer.ancestors(ofPlace: id))
            for place in chain where gazetteer.level(ofPlace: place) == .province {
                provinces.insert(gazetteer.place(place).name)
            }
        }
        let province = provinces.count == 1 ? provinces.first : nil
        cache[region] = province
        return province
    }
}
