import Foundation

/// Fetch: lists the sources and reads their bytes. Listing is cheap and done first, so the
/// run knows its plan; reading happens on the workers, one source at a time. URLs are
/// downloaded ahead of the workers by `URLPrefetcher`; the workers take their bodies in order.
public struct FetchStage: Sendable {
    public let config: FetchConfig

    public init(config: FetchConfig) {
        self.config = config
    }

    /// Every source of the run, in a stable order: sources as listed; files within a directory
    /// by path (byte order), names starting with "." skipped; URLs of a list or feed in their
    /// order there. A URL already planned is not planned again. Feeds are downloaded now, with
    /// `client`; one that fails is a reject and the run goes on.
    func plan(client: @autoclosure () -> HTTPClient) throws(FetchError) -> FetchPlan {
        var plan = FetchPlan()
        var plannedURLs: Set<String> = []
        func add(_ address: HTTPAddress) {
            guard plannedURLs.insert(address.text).inserted else { return }
            plan.references.append(SourceReference(ordinal: plan.references.count, name: address.text, location: .url(address)))
        }
        func addURL(_ text: String, listedIn list: String, line: Int? = nil, feedClass: AddressClass? = nil) {
            guard var address = HTTPAddress(text) else {
                let place = line.map { "line \($0): " } ?? ""
                plan.rejects.append(
                    Reject(source: list, stage: .fetch, reason: "\(place)\"\(text)\" is not an http:// or https:// URL with a host"))
                return
            }
            address.feedClass = feedClass
            add(address)
        }
        for source in config.sources {
            switch source {
            case .path(let root):
                try planFiles(under: root, into: &plan)
            case .url(let text):
                addURL(text, listedIn: text)
            case .urls(let texts):
                for text in texts { addURL(text, listedIn: text) }
            case .urlFile(let path):
                let name = URL(fileURLWithPath: path).lastPathComponent
                plan.lists.append(name)
                for entry in try URLListFile.entries(at: path) { addURL(entry.text, listedIn: name, line: entry.line) }
            case .feed(let text):
                guard let feed = HTTPAddress(text) else {
                    addURL(text, listedIn: text)
                    continue
                }
                plan.lists.append(feed.text)
                do throws(HTTPFailure) {
                    guard case .body(let bytes, _, _, let feedClass) = try client().get(feed) else { continue }
                    for link in try FeedParser.links(in: bytes, feedURL: feed.url) {
                        addURL(link, listedIn: feed.text, feedClass: config.http.allowPrivateRedirects ? nil : feedClass)
                    }
                } catch {
                    plan.rejects.append(Reject(source: feed.text, stage: .fetch, reason: "feed: \(error.reason)"))
                }
            }
        }
        return plan
    }

    private func planFiles(under root: String, into plan: inout FetchPlan) throws(FetchError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: root, isDirectory: &isDirectory) else { throw FetchError(path: root) }
        if !isDirectory.boolValue {
            let name = URL(fileURLWithPath: root).lastPathComponent
            plan.references.append(SourceReference(ordinal: plan.references.count, name: name, location: .file(path: root)))
            return
        }
        let relativePaths = (files.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { path in !path.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for relative in relativePaths {
            let path = URL(fileURLWithPath: root).appendingPathComponent(relative).path
            // Directories are walked; anything else (a dangling link, a file that vanishes)
            // is planned, so that reading it fails loudly into rejects instead of vanishing.
            var childIsDirectory: ObjCBool = false
            if files.fileExists(atPath: path, isDirectory: &childIsDirectory), childIsDirectory.boolValue { continue }
            plan.references.append(SourceReference(ordinal: plan.references.count, name: relative, location: .file(path: path)))
        }
    }

    /// The bytes of one source, downloaded by `downloads` for a URL; a reject when it cannot
    /// be read or downloaded, or is too large.
    func read(_ reference: SourceReference, downloads: URLPrefetcher?) throws(Reject) -> FetchedSource {
        switch reference.location {
        case .file(let path):
            return .document(try read(reference, path: path), validators: nil)
        case .url:
            guard let downloads else {
                throw Reject(source: reference.name, stage: .fetch, reason: "no downloader was started for this URL")
            }
            switch downloads.take(reference.ordinal) {
            case .success(.body(let bytes, let charset, let validators, _)):
                let document = SourceDocument(ordinal: reference.ordinal, name: reference.name, bytes: bytes, charset: charset)
                return .document(document, validators: validators)
            case .success(.notModified):
                return .notModified
            case .failure(let failure):
                throw Reject(source: reference.name, stage: .fetch, reason: failure.reason)
            }
        }
    }

    /// The bytes of one source; a reject when it cannot be read or is too large.
    private func read(_ reference: SourceReference, path: String) throws(Reject) -> SourceDocument {
        func reject(_ reason: String) -> Reject { Reject(source: reference.name, stage: .fetch, reason: reason) }
        do {
            let bytes = try SourceFile.bytes(atPath: path, limit: config.maxBytes)
            return SourceDocument(ordinal: reference.ordinal, name: reference.name, bytes: bytes)
        } catch {
            switch error {
            case .tooLarge(let size):
                throw reject("too large: \(size) bytes, more than fetch.max_bytes (\(config.maxBytes)); raise the limit to read it")
            case .system(_, let reason):
                throw reject("cannot be read: \(reason)")
            }
        }
    }
}
