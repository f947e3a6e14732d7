import Foundation

/// Fetch: lists the sources and reads their bytes. Listing is cheap and done first, so the
/// run knows its plan; reading happens on the workers, one source at a time.
public struct FetchStage: Sendable {
    public let config: FetchConfig

    public init(config: FetchConfig) {
        self.config = config
    }

    /// Every file under the configured sources, in a stable order: sources as listed, files
    /// within a directory by path (byte order). Names starting with "." are skipped.
    public func plan() throws(FetchError) -> [SourceReference] {
        var references: [SourceReference] = []
        let files = FileManager.default
        for root in config.sources {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: root, isDirectory: &isDirectory) else { throw FetchError(path: root) }
            if !isDirectory.boolValue {
                let name = URL(fileURLWithPath: root).lastPathComponent
                references.append(SourceReference(ordinal: references.count, name: name, path: root))
                continue
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
                references.append(SourceReference(ordinal: references.count, name: relative, path: path))
            }
        }
        return references
    }

    /// The bytes of one source; a reject when it cannot be read or is too large.
    ///
    /// One open and one read of at most `max_bytes + 1` bytes: no `stat` through
    /// `FileManager.attributesOfItem` (which also looks up the owner's account name) and no
    /// second copy out of a `Data`, so reading runs at the speed of the page cache.
    public func read(_ reference: SourceReference) throws(Reject) -> SourceDocument {
        func reject(_ reason: String) -> Reject { Reject(source: reference.name, stage: .fetch, reason: reason) }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: reference.path))
        } catch {
            throw reject("cannot be read: it disappeared or is not accessible (\(Self.describe(error)))")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: config.maxBytes + 1) ?? Data()
        } catch {
            throw reject("cannot be read: \(Self.describe(error))")
        }
        if data.count > config.maxBytes {
            let size = (try? handle.seekToEnd()).map(Int.init) ?? data.count
            throw reject("too large: \(size) bytes, more than fetch.max_bytes (\(config.maxBytes)); raise the limit to read it")
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: data.count) { buffer, count in
            count = data.copyBytes(to: buffer)
        }
        return SourceDocument(ordinal: reference.ordinal, name: reference.name, bytes: bytes)
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == CocoaError.fileReadNoPermission.rawValue {
            return "permission denied"
        }
        return nsError.localizedDescription
    }
}
