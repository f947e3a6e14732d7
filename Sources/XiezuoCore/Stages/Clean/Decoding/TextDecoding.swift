/// Step 1 of clean: bytes to Unicode scalars, in whichever encoding the page arrived in.
///
/// The order of the checks (the first that applies decides):
/// 1. A byte order mark: UTF-16LE (FF FE), UTF-16BE (FE FF), UTF-8 (EF BB BF).
/// 2. The charset the transport declared (HTTP `Content-Type`), for any page, on the same
///    terms as a `<meta>` one below; it comes first, as in browsers, because a server that
///    re-encodes pages often leaves the old `<meta>` behind.
/// 3. For HTML (`HTMLSniffer`), a `<meta>` charset in the first 4 KB (`MetaCharsetScanner`):
///    gbk and gb2312 are read as GB18030, their superset. The declaration is honoured unless
///    it plainly cannot be right: decoding with it leaves more invalid sequences than
///    `maxInvalidPer` allows, or the bytes are valid UTF-8 that reads as far more plausible
///    Chinese (`overruleMargin`), the mark of a page re-saved as UTF-8 under an old template.
/// 4. Valid UTF-8: the common case, decoded in one hand-written pass with nothing else tried.
/// 5. Otherwise the bytes are read as UTF-8 (with replacements), GB18030 and Big5, and the
///    most plausible reading wins (`EncodingPlausibility`); ties go in that order.
///
/// A reading with a few invalid sequences (at most one per `maxInvalidPer` good non-ASCII
/// characters) is kept, each bad sequence replaced by U+FFFD and counted in
/// `DecodedText.replacements`: a long article with one damaged byte is worth keeping. More
/// than that is a reject. A character cut off by the end of the file is dropped silently in
/// every encoding (see `IconvDecoding`).
///
/// UTF-8 is decoded by hand instead of with `String(decoding:)` because it must say *where*
/// the input stops being UTF-8, and because it fills the scalar array and counts control bytes
/// in the same pass. A binary file is reported as binary even when it is also invalid UTF-8:
/// "NUL byte at offset 8" tells a person more than "invalid sequence at byte 3".
struct TextDecoding: Sendable {
    /// Share of control bytes above which a file counts as binary.
    var maxControlShare: Double

    /// A reading may have one invalid sequence per this many good non-ASCII characters.
    static let maxInvalidPer = 100
    /// How much more plausible (`EncodingPlausibility`) valid UTF-8 must read than a declared
    /// legacy encoding to overrule the declaration. Right readings score near 1, wrong ones
    /// 0.5 or less, so only a plainly wrong declaration is overruled.
    static let overruleMargin = 0.3
    /// A GB18030 reading without invalid sequences that scores this well is taken without
    /// trying the others: the wrong reading of Big5 or UTF-8 bytes scores under 0.3, so
    /// nothing else could be right, and GB18030 pages (the common legacy case) are decoded
    /// once instead of three times.
    static let confidentScore = 0.9
    /// Valid UTF-8 for this many bytes before the first invalid sequence suggests a file
    /// whose encoding changes midway, which the reject then says.
    static let mixedEncodingPrefix = 256

    /// `transportCharset` is the charset label of an HTTP `Content-Type`, if any.
    func decode(_ bytes: [UInt8], transportCharset: String? = nil) throws(UnusableText) -> DecodedText {
        guard !bytes.isEmpty else { throw UnusableText(reason: "empty file: 0 bytes") }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return try decodeUTF16(bytes, as: bytes[0] == 0xFF ? .utf16LE : .utf16BE)
        }
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let isHTML = HTMLSniffer.looksLikeHTML(bytes, from: start)
        if start == 0, let transport = transportCharset.flatMap(TextEncoding.init(label:)), transport != .utf8,
            let text = try decodeDeclared(bytes, as: transport, isHTML: isHTML)
        {
            return text
        }
        if start == 0, isHTML, let declared = MetaCharsetScanner.declaredEncoding(in: bytes, from: 0),
            declared != .utf8, let text = try decodeDeclared(bytes, as: declared, isHTML: true)
        {
            return text
        }
        let decoded = decodeUTF8(bytes, from: start, lenient: false)
        if let scalars = decoded.scalars {
            try checkNotBinary(firstNUL: decoded.firstNUL, controls: decoded.controls, byteCount: bytes.count)
            return try text(
                scalars, .utf8, isHTML: isHTML, replacements: 0, byteCount: bytes.count, utf8: bytes[start...])
        }
        try checkBytesNotBinary(bytes)
        return try guess(bytes, from: start, isHTML: isHTML, utf8Until: decoded.stop)
    }

    /// A page declared (by HTTP or `<meta>`) as GB18030 or Big5; nil when the declaration
    /// cannot be right and detection should decide.
    private func decodeDeclared(_ bytes: [UInt8], as declared: TextEncoding, isHTML: Bool) throws(UnusableText) -> DecodedText? {
        try checkBytesNotBinary(bytes)
        // Without a converter for the declared encoding, detection decides (and says so if it
        // needs the same converter).
        guard let attempt = try? IconvDecoding.decode(bytes, from: 0, as: declared),
            attempt.isAcceptable(maxInvalidPer: Self.maxInvalidPer)
        else { return nil }
        if attempt.nonASCII > 0, let scalars = decodeUTF8(bytes, from: 0, lenient: false).scalars,
            EncodingPlausibility.score(scalars, invalid: 0)
                > EncodingPlausibility.score(attempt) + Self.overruleMargin
        {
            return try text(scalars, .utf8, isHTML: isHTML, replacements: 0, byteCount: bytes.count, utf8: bytes[...])
        }
        return try text(attempt.scalars, declared, isHTML: isHTML, replacements: attempt.invalid, byteCount: bytes.count)
    }

    /// Not valid UTF-8: the most plausible of UTF-8 with replacements, GB18030 and Big5.
    /// `utf8Until`: where strict UTF-8 stopped; a long valid prefix is named in a reject, the
    /// mark of a file whose encoding changes midway.
    private func guess(
        _ bytes: [UInt8], from start: Int, isHTML: Bool, utf8Until: Int
    ) throws(UnusableText) -> DecodedText {
        let gb18030 = try Self.iconvDecode(bytes, from: start, as: .gb18030)
        if gb18030.invalid == 0, EncodingPlausibility.score(gb18030) >= Self.confidentScore {
            return try text(gb18030.scalars, .gb18030, isHTML: isHTML, replacements: 0, byteCount: bytes.count)
        }
        let utf8 = decodeUTF8(bytes, from: start, lenient: true)
        var attempts = [
            DecodingAttempt(
                encoding: .utf8, scalars: utf8.scalars ?? [], invalid: utf8.invalid, firstInvalid: utf8.firstInvalid,
                nonASCII: utf8.scalars.map(Self.nonASCIICount) ?? 0)
        ]
        attempts.append(gb18030)
        attempts.append(try Self.iconvDecode(bytes, from: start, as: .big5))
        let scores = attempts.map(EncodingPlausibility.score)
        var best = 0
        for index in attempts.indices where scores[index] > scores[best] { best = index }
        let chosen = attempts[best]
        guard chosen.isAcceptable(maxInvalidPer: Self.maxInvalidPer) else {
            let offset = chosen.firstInvalid ?? start
            let sequences = chosen.invalid == 1 ? "1 invalid sequence" : "\(chosen.invalid) invalid sequences"
            throw UnusableText(
                reason: "not decodable as UTF-8, GB18030 or Big5 (invalid sequence at byte \(offset) "
                    + "(\(Self.hex(bytes[offset]))); \(chosen.encoding.name) came closest, with \(sequences))"
                    + (utf8Until >= Self.mixedEncodingPrefix
                        ? "; it is valid UTF-8 up to byte \(utf8Until), so it may mix encodings" : "")
            )
        }
        return try text(
            chosen.scalars, chosen.encoding, isHTML: isHTML, replacements: chosen.invalid, byteCount: bytes.count)
    }

    /// UTF-16 with a byte order mark, through iconv. NUL bytes are part of UTF-16, so the
    /// binary check runs on the decoded characters instead of the bytes.
    private func decodeUTF16(_ bytes: [UInt8], as encoding: TextEncoding) throws(UnusableText) -> DecodedText {
        let mark = encoding == .utf16LE ? "FF FE" : "FE FF"
        let attempt = try Self.iconvDecode(bytes, from: 2, as: encoding)
        guard attempt.isAcceptable(maxInvalidPer: Self.maxInvalidPer) else {
            throw UnusableText(
                reason: "not decodable as \(encoding.name) despite its byte order mark \(mark) "
                    + "(invalid sequence at byte \(attempt.firstInvalid ?? 2))"
            )
        }
        var controls = 0
        for (index, scalar) in attempt.scalars.enumerated()
        where scalar.value < 0x80 && Self.isControl(UInt8(scalar.value)) {
            if scalar.value == 0 {
                throw UnusableText(
                    reason:
                        "binary content, not text (NUL character at character \(index) of the \(encoding.name) text)")
            }
            controls += 1
        }
        if Double(controls) > maxControlShare * Double(attempt.scalars.count) {
            throw UnusableText(
                reason:
                    "binary content, not text (\(controls) of \(attempt.scalars.count) characters are control characters)"
            )
        }
        let prefix = attempt.scalars.prefix(HTMLSniffer.window).map { $0.value < 0x80 ? UInt8($0.value) : 0x80 }
        let isHTML = HTMLSniffer.looksLikeHTML(Array(prefix), from: 0)
        return try text(
            attempt.scalars, encoding, isHTML: isHTML, replacements: attempt.invalid, byteCount: bytes.count)
    }

    /// `IconvDecoding`, with a machine that cannot convert from `encoding` (glibc's gconv
    /// modules missing) reported as the reason for the reject, rather than a wrong guess.
    private static func iconvDecode(
        _ bytes: [UInt8], from start: Int, as encoding: TextEncoding
    ) throws(UnusableText) -> DecodingAttempt {
        do {
            return try IconvDecoding.decode(bytes, from: start, as: encoding)
        } catch {
            throw UnusableText(reason: "cannot decode \(encoding.name) on this machine: \(error.description)")
        }
    }

    private func text(
        _ scalars: [Unicode.Scalar], _ encoding: TextEncoding, isHTML: Bool, replacements: Int, byteCount: Int,
        utf8: ArraySlice<UInt8>? = nil
    ) throws(UnusableText) -> DecodedText {
        if scalars.allSatisfy({ LineNormalizer.isInvisible($0) }) {
            throw UnusableText(reason: "empty file: only whitespace (\(byteCount) bytes)")
        }
        return DecodedText(
            scalars: scalars, encoding: encoding, isHTML: isHTML, replacements: replacements, utf8: utf8)
    }

    /// The binary check for input that is not valid UTF-8. Every encoding tried keeps ASCII
    /// control bytes as themselves (their multi-byte characters use bytes from 0x30 up), so
    /// the count is meaningful before decoding.
    private func checkBytesNotBinary(_ bytes: [UInt8]) throws(UnusableText) {
        var firstNUL: Int?
        var controls = 0
        for (offset, byte) in bytes.enumerated() where Self.isControl(byte) {
            if byte == 0, firstNUL == nil { firstNUL = offset }
            controls += 1
        }
        try checkNotBinary(firstNUL: firstNUL, controls: controls, byteCount: bytes.count)
    }

    /// A NUL byte never occurs in text; other control bytes do, rarely (a stray escape), so
    /// only a high share of them marks a file as binary.
    private func checkNotBinary(firstNUL: Int?, controls: Int, byteCount: Int) throws(UnusableText) {
        if let firstNUL { throw UnusableText(reason: "binary content, not text (NUL byte at offset \(firstNUL))") }
        if Double(controls) > maxControlShare * Double(byteCount) {
            throw UnusableText(
                reason: "binary content, not text (\(controls) of \(byteCount) bytes are control characters)"
            )
        }
    }

    /// Control bytes other than tab, line feed, form feed and carriage return.
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }

    private static func nonASCIICount(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        for scalar in scalars where scalar.value >= 0x80 { count += 1 }
        return count
    }

    /// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
    ///
    /// Strict mode: `scalars` is nil when the input is not UTF-8; `stop` is then the offending
    /// byte. Lenient mode: each maximal invalid subpart (Unicode's "best practice" for
    /// U+FFFD substitution) becomes one U+FFFD, counted in `invalid`; a sequence cut off by
    /// the end of the input is dropped. UTF-8 never has more scalars than bytes, and a
    /// replacement stands for at least one byte, so the scalars are written into a buffer of
    /// the input's size without per-append checks.
    private func decodeUTF8(
        _ bytes: [UInt8], from start: Int, lenient: Bool
    ) -> (scalars: [Unicode.Scalar]?, stop: Int, firstNUL: Int?, controls: Int, invalid: Int, firstInvalid: Int?) {
        // Through a buffer pointer: the loop runs once per byte of every source.
        bytes.withUnsafeBufferPointer { decodeUTF8($0, from: start, lenient: lenient) }
    }

    private func decodeUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, lenient: Bool
    ) -> (scalars: [Unicode.Scalar]?, stop: Int, firstNUL: Int?, controls: Int, invalid: Int, firstInvalid: Int?) {
        var firstNUL: Int?
        var controls = 0
        var stop: Int?
        var invalid = 0
        var firstInvalid: Int?
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { output, written in
            var end = 0
            var index = start
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if Self.isControl(lead) {
                        controls += 1
                        if lead == 0, firstNUL == nil { firstNUL = index }
                    }
                    output.initializeElement(at: end, to: Unicode.Scalar(lead))
                    end += 1
                    index += 1
                    continue
                }
                // The common non-ASCII case (Han, CJK punctuation), a run at a time: E1–EC and
                // EE–EF leads with two continuation bytes are always well-formed (no overlong
                // form, no surrogate), so their value is a scalar without the check.
                let runStart = index
                while index + 2 < count {
                    let lead = bytes[index]
                    let second = bytes[index + 1]
                    let third = bytes[index + 2]
                    guard lead >= 0xE1, lead <= 0xEF, lead != 0xED, second & 0xC0 == 0x80, third & 0xC0 == 0x80
                    else { break }
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
                    output.initializeElement(at: end, to: unsafeBitCast(value, to: Unicode.Scalar.self))
                    end += 1
                    index += 3
                }
                if index > runStart { continue }
                if let sequence = Self.multiByteSequence(bytes, at: index) {
                    output.initializeElement(at: end, to: sequence.scalar)
                    end += 1
                    index += sequence.length
                    continue
                }
                guard lenient else {
                    stop = index
                    break
                }
                let (length, truncated) = Self.invalidSubpart(bytes, at: index)
                if truncated { break }
                output.initializeElement(at: end, to: "\u{FFFD}")
                end += 1
                invalid += 1
                if firstInvalid == nil { firstInvalid = index }
                index += length
            }
            written = end
        }
        if let stop { return (nil, stop, firstNUL, controls, invalid, firstInvalid) }
        return (scalars, 0, firstNUL, controls, invalid, firstInvalid)
    }

    /// The scalar of the well-formed sequence of two to four bytes at `index`, and its length.
    @inline(__always)
    private static func multiByteSequence(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int
    ) -> (scalar: Unicode.Scalar, length: Int)? {
        let lead = bytes[index]
        guard let shape = sequenceShape(lead), index + shape.length <= bytes.count,
            bytes[index + 1] >= shape.lowest, bytes[index + 1] <= shape.highest
        else { return nil }
        let length = shape.length
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        value = value << 6 | UInt32(bytes[index + 1] & 0x3F)
        var position = 2
        while position < length {
            let byte = bytes[index + position]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
            position += 1
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Length of a sequence by its lead byte, and the range its second byte must be in (the
    /// narrower ranges rule out overlong forms, surrogates and values above U+10FFFF).
    @inline(__always)
    private static func sequenceShape(_ lead: UInt8) -> (length: Int, lowest: UInt8, highest: UInt8)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xE1...0xEF: (3, 0x80, 0xBF)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        default: nil
        }
    }

    /// The maximal subpart of the ill-formed sequence at `index`: the lead and the continuation
    /// bytes that could still have been part of a character. `truncated` when that subpart
    /// runs into the end of the input, so the file was cut inside a character.
    private static func invalidSubpart(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int
    ) -> (length: Int, truncated: Bool) {
        guard let shape = sequenceShape(bytes[index]) else { return (1, false) }
        guard index + 1 < bytes.count else { return (1, true) }
        guard bytes[index + 1] >= shape.lowest, bytes[index + 1] <= shape.highest else { return (1, false) }
        var position = 2
        while position < shape.length {
            guard index + position < bytes.count else { return (position, true) }
            guard bytes[index + position] & 0xC0 == 0x80 else { return (position, false) }
            position += 1
        }
        return (shape.length, false)
    }
}
