import Foundation
import XiezuoCore

/// One input frame of `xiezuo map`: `{"source": NAME, "bytes": BASE64, "charset": HINT?,
/// "url": URL?}` on one line (README, "The map stream").
struct MapFrame {
    struct Problem: Error {
        /// The frame's source name, when it could be read.
        var source: String?
        var reason: String
    }

    var document: SourceDocument

    static func decode(_ line: [UInt8]) -> Result<MapFrame, Problem> {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
            return .failure(Problem(source: nil, reason: "not a JSON object; write {\"source\": NAME, \"bytes\": BASE64} on one line"))
        }
        guard let name = object["source"] as? String, !name.isEmpty else {
            return .failure(Problem(source: nil, reason: "\"source\" is missing or not a non-empty string"))
        }
        let known: Set<String> = ["source", "bytes", "charset", "url"]
        if let unknown = object.keys.filter({ !known.contains($0) }).sorted().first {
            return .failure(Problem(source: name, reason: "unknown key \"\(unknown)\"; a frame has source, bytes, charset and url"))
        }
        guard let encoded = object["bytes"] as? String, let data = Data(base64Encoded: encoded) else {
            return .failure(Problem(source: name, reason: "\"bytes\" is missing or not base64 (RFC 4648, with padding)"))
        }
        for key in ["charset", "url"] where object[key] != nil && !(object[key] is String) && !(object[key] is NSNull) {
            return .failure(Problem(source: name, reason: "\"\(key)\" is not a string"))
        }
        return .success(
            MapFrame(document: SourceDocument(name: name, bytes: [UInt8](data), charset: object["charset"] as? String, url: object["url"] as? String)))
    }
}
