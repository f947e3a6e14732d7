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
    /// by path (byte order), names starting with "." skipped (see `InputWalk`); URLs of a list
    /// or feed in their order there. A file or URL already planned is not planned again.
    /// Feeds are downloaded now, with `client`; one that fails is a reject and the run goes on.
    func plan(client: @autoclosure () -> HTTPClient) throws(FetchError) -> FetchPlan {
        var plan = FetchPlan()
        var planned: Set<String> = []
        let naming = SourceNaming(base: config.namesRelativeTo)
        let walk = InputWalk(
            naming: naming,
            roots: InputRoots(paths: config.sources.compactMap { if case .path(let path) = $0 { path } else { nil } }),
            followSymlinks: config.followSymlinks)
        func add(_ address: HTTPAddress) {
            guard planned.insert(address.text).inserted else { return }
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
                try walk.files(under: root) { found in
                    guard planned.insert(found.name).inserted else { return }
                    plan.references.append(
                        SourceReference(ordinal: plan.references.count, name: found.name, location: .file(found.file)))
                }
            case .url(let text):
                addURL(text, listedIn: text)
            case .urls(let texts):
                for text in texts { addURL(text, listedIn: text) }
            case .urlFile(let path):
                let name = naming.name(ofAbsolute: naming.absolute(Array(path.utf8)))
                plan.lists.append(name)
                // A list that exists but cannot be read (a pipe, too large, no permission) is a
                // reject, as a feed that cannot be read is; a missing one stops the run.
                switch try URLListFile.entries(at: path, limit: config.maxBytes) {
                case .success(let entries):
                    for entry in entries { addURL(entry.text, listedIn: name, line: entry.line) }
                case .failure(let failure):
                    plan.rejects.append(Reject(source: name, stage: .fetch, reason: "URL list: \(reason(failure))"))
                }
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

    /// The bytes of one source, downloaded by `downloads` for a URL; a reject when it cannot
    /// be read or downloaded, or is too large.
    func read(_ reference: SourceReference, downloads: URLPrefetcher?) throws(Reject) -> FetchedSource {
        switch reference.location {
        case .file(let file):
            return .document(try read(reference, file: file), validators: nil)
        case .url:
            guard let downloads else {
                throw Reject(source: reference.name, stage: .fetch, reason: "no downloader was started for this URL")
            }
            switch downloads.take(reference.ordinal) {
            case .success(.body(let bytes, let charset, let validators, _)):
                let document = SourceDocument(name: reference.name, bytes: bytes, charset: charset, url: reference.name)
                return .document(document, validators: validators)
            case .success(.notModified):
                return .notModified
            case .failure(let failure):
                throw Reject(source: reference.name, stage: .fetch, reason: failure.reason)
            }
        }
    }

    /// The bytes of one file; a reject when it cannot be read, is not a regular file, is too
    /// large or was refused when the run was planned.
    private func read(_ reference: SourceReference, file: PlannedFile) throws(Reject) -> SourceDocument {
        func reject(_ reason: String) -> Reject { Reject(source: reference.name, stage: .fetch, reason: reason) }
        do {
            let bytes = try SourceFile.bytes(of: file, limit: config.maxBytes)
            return SourceDocument(name: reference.name, bytes: bytes)
        } catch {
            throw reject(reason(error))
        }
    }

    /// Why a file could not be read, in a reject's words.
    private func reason(_ failure: SourceFile.Failure) -> String {
        switch failure {
        case .tooLarge(let size):
            "too large: \(size) bytes, more than fetch.max_bytes (\(config.maxBytes)); raise the limit to read it"
        case .system(_, let reason):
            "cannot be read: \(reason)"
        case .notRegular(let kind):
            "not a regular file but \(Self.noun(kind)); only regular files are read"
        case .linkChanged:
            "a symbolic link that was changed after the run listed it; not read (the next run reads it)"
        case .refused(let reason):
            reason
        }
    }

    private static func noun(_ kind: FileKind) -> String {
        switch kind {
        case .regular: "a regular file"
        case .directory: "a directory"
        case .symbolicLink: "a symbolic link"
        case .namedPipe: "a named pipe (FIFO)"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .unknown: "a file of unknown type"
        }
    }
}
