import Foundation

/// The hostile corpus of issue 9, generated at test time in a temporary directory (nothing
/// large is committed): good seed articles with every kind of bad input mixed in.
///
/// `rejected` lists each bad input with the stage and the start of the reason its one
/// `rejects` row must give; `accepted` lists the damaged inputs that are still articles.
struct HostileCorpus {
    struct Expected {
        var source: String
        var stage: String
        /// How the reason starts.
        var reason: String
        /// What it must also say, further on.
        var alsoSays: String? = nil
    }

    let directory: URL
    private(set) var rejected: [Expected] = []
    private(set) var accepted: [String] = []
    /// Good seeds, copied unchanged: their facts must survive the bad company.
    private(set) var good: [String] = []
    /// Inputs that could not be made here, with why (mode 000 as root).
    private(set) var skipped: [String] = []
    /// How many inputs of each kind were written.
    private(set) var kinds: [String: Int] = [:]

    static let goodSeeds = ["000_f214322e6fea6c14.txt", "002_0c226eb2670e2d90.txt", "003_4699d6883134dee7.txt", "004_937aca63102447a5.txt"]
    /// The seed damaged in several ways below; left out of the good set so dedupe among its
    /// damaged copies cannot hide a good seed's facts.
    static let damagedSeed = "001_3a25b0911a74f829.txt"

    /// Writes the corpus: `tinyFiles` one-line files and one line of `longLineBytes` bytes.
    init(directory: URL, tinyFiles: Int, longLineBytes: Int) throws {
        self.directory = directory
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        let seeds = XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")
        for seed in Self.goodSeeds {
            try files.copyItem(at: seeds.appendingPathComponent(seed), to: directory.appendingPathComponent(seed))
            good.append(seed)
        }
        count("good seed", Self.goodSeeds.count)
        let article = try Data(contentsOf: seeds.appendingPathComponent(Self.damagedSeed))
        let text = String(decoding: article, as: UTF8.self)
        let middle = Self.lineStart(nearHalfOf: article)
        var random = SplitMix(seed: 9)

        try write("001_empty.txt", Data())
        expect("001_empty.txt", "clean", "empty file: 0 bytes", kind: "0-byte file among good ones")
        try write("blank.txt", Data(" \n\t\r\n　\n".utf8))
        expect("blank.txt", "clean", "empty file: only whitespace", kind: "empty (whitespace only)")

        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        png.append(random.bytes(4096))
        try write("photo.png", png)
        expect("photo.png", "clean", "binary content, not text (NUL byte at offset 8)", kind: "PNG")
        try write("noise.bin", random.bytes(100_000))
        expect("noise.bin", "clean", "binary content, not text", kind: "random bytes")

        try write("invalid-utf8-middle.txt", article[..<middle] + Data([0xFF, 0xC0, 0xE4, 0xB8]) + article[middle...])
        accept("invalid-utf8-middle.txt", kind: "invalid UTF-8 in a good article")
        var gb18030 = try Self.gb18030(text)
        gb18030.append(try Self.gb18030("协").prefix(1))
        try write("gb18030-truncated.txt", gb18030)
        accept("gb18030-truncated.txt", kind: "GB18030 with a truncated last character")
        let mixed = article[..<middle] + (try Self.gb18030(String(decoding: article[middle...], as: UTF8.self)))
        try write("mixed-encodings.txt", mixed)
        expect("mixed-encodings.txt", "clean", "not decodable as UTF-8, GB18030 or Big5", kind: "mixed encodings")
        // UTF-8 stays valid past `middle` until the first non-ASCII GB18030 byte.
        rejected[rejected.count - 1].alsoSays = ", so it may mix encodings"
        try write("nul-inside.txt", article[..<middle] + Data([0]) + article[middle...])
        expect("nul-inside.txt", "clean", "binary content, not text (NUL byte at offset \(middle))", kind: "NUL bytes")

        try write("digits.txt", Data(repeating: UInt8(ascii: "7"), count: 1 << 20))
        expect(
            "digits.txt", "clean", "not a news article: line 1 has 1048576 characters, more than clean.max_article_chars",
            kind: "1 MB of digits")
        let sentence = Data("东西部协作投入帮扶资金100万元，".utf8)
        var line = Data(capacity: longLineBytes)
        while line.count + sentence.count <= longLineBytes { line.append(sentence) }
        try write("long-line.txt", line)
        expect("long-line.txt", "clean", "not a news article: line 1 has", kind: "one long line")

        let paragraph = "<p>" + text.split(separator: "\n").prefix(12).joined(separator: "</p><p>") + "</p>"
        let depth = 50_000
        try write(
            "nested.html",
            Data(("<html><body>" + String(repeating: "<div>", count: depth) + paragraph
                + String(repeating: "</div>", count: depth) + "</body></html>").utf8))
        accept("nested.html", kind: "deeply nested HTML")
        try write(
            "unclosed.html",
            Data(("<html><head><title>粤桂协作" + String(repeating: "<div><span><font>", count: depth) + paragraph).utf8))
        accept("unclosed.html", kind: "unclosed HTML")

        try files.createSymbolicLink(atPath: path("vanished.txt"), withDestinationPath: path("deleted-before-reading.txt"))
        expect("vanished.txt", "fetch", "cannot be read: no such file or directory", kind: "file gone before reading")
        try files.createSymbolicLink(atPath: path("loop.txt"), withDestinationPath: path("loop.txt"))
        expect("loop.txt", "fetch", "cannot be read: too many levels of symbolic links", kind: "symlink loop")
        try files.createDirectory(atPath: path("walk/back"), withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: path("walk/back/up"), withDestinationPath: "../..")
        count("directory symlink loop", 1)

        // A directory named like a file is walked like any directory.
        try files.createDirectory(atPath: path("folder.txt"), withIntermediateDirectories: true)
        try files.copyItem(atPath: seeds.appendingPathComponent(Self.damagedSeed).path, toPath: path("folder.txt/inside.txt"))
        accept("folder.txt/inside.txt", kind: "directory named like a file")

        if geteuid() == 0 {
            skipped.append("unreadable.txt (mode 000): running as root, which reads any file")
        } else {
            try write("unreadable.txt", article)
            try files.setAttributes([.posixPermissions: 0], ofItemAtPath: path("unreadable.txt"))
            expect("unreadable.txt", "fetch", "cannot be read: permission denied", kind: "unreadable (mode 000)")
        }

        try files.createDirectory(atPath: path("tiny"), withIntermediateDirectories: true)
        for index in 0..<tinyFiles {
            let name = "tiny/" + String(index + 1_000_000).dropFirst() + ".txt"
            try write(name, Data("协作\(index)".utf8))
            expect(name, "clean", "no article text left after cleaning", kind: nil)
        }
        count("tiny file", tinyFiles)
    }

    /// Restores permissions so the directory can be removed.
    func removeAll() {
        try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path("unreadable.txt"))
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func write(_ name: String, _ data: Data) throws {
        try data.write(to: directory.appendingPathComponent(name))
    }

    private mutating func expect(_ source: String, _ stage: String, _ reason: String, kind: String?) {
        rejected.append(Expected(source: source, stage: stage, reason: reason))
        if let kind { count(kind, 1) }
    }

    private mutating func accept(_ source: String, kind: String) {
        accepted.append(source)
        count(kind, 1)
    }

    private mutating func count(_ kind: String, _ number: Int) {
        kinds[kind, default: 0] += number
    }

    /// A line boundary near the middle, so that damage lands inside the article's prose.
    private static func lineStart(nearHalfOf data: Data) -> Int {
        var index = data.count / 2
        while index < data.count, data[index] != 0x0A { index += 1 }
        return min(index + 1, data.count)
    }

    private static func gb18030(_ text: String) throws -> Data {
        guard let bytes = GlibcIconv.convert(Array(text.utf8), to: "GB18030") else {
            throw CocoaError(.fileWriteInapplicableStringEncoding)
        }
        return Data(bytes)
    }
}

/// A tiny deterministic generator, so the random inputs are the same on every run.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func bytes(_ count: Int) -> Data {
        var data = Data(capacity: count)
        while data.count < count { withUnsafeBytes(of: next()) { data.append(contentsOf: $0.prefix(count - data.count)) } }
        return data
    }
}
