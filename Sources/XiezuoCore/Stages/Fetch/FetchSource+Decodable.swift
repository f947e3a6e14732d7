extension FetchSource: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case urls
        case urlFile = "url_file"
        case feed
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(string: text)
            return
        }
        guard (try? decoder.container(keyedBy: AnyCodingKey.self)) != nil else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected a path, a URL, or an object with exactly one of: urls, url_file, feed"
                )
            )
        }
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected a path, a URL, or an object with exactly one of: urls, url_file, feed"
                )
            )
        }
        switch key {
        case .urls: self = .urls(try container.decode([String].self, forKey: .urls))
        case .urlFile: self = .urlFile(try container.decode(String.self, forKey: .urlFile))
        case .feed: self = .feed(try container.decode(String.self, forKey: .feed))
        }
    }
}
