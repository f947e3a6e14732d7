/// Tells HTML from plain text by its first kilobyte, cheaply enough to run on every source:
/// a page that starts (after white space, an XML declaration and comments) with
/// `<!DOCTYPE html`, `<html`, `<head` or `<body`, or whose first kilobyte holds at least three
/// `<p>`, `<div` or `<br` tags (a fragment saved without its head). Plain news text has no
/// reason to contain either, and a text that quotes one tag is not taken for markup.
enum HTMLSniffer {
    static let window = 1024
    private static let minTags = 3

    static func looksLikeHTML(_ bytes: [UInt8], from start: Int) -> Bool {
        let end = min(bytes.count, start + window)
        var index = start
        // A byte order mark the caller did not skip.
        if ASCIIBytes.hasPrefix(bytes, at: index, end: end, "\u{FEFF}") { index += 3 }
        while true {
            while index < end, ASCIIBytes.isSpace(bytes[index]) { index += 1 }
            if ASCIIBytes.hasPrefix(bytes, at: index, end: end, "<?xml") {
                index = ASCIIBytes.skip(past: "?>", in: bytes, from: index, end: end)
            } else if ASCIIBytes.hasPrefix(bytes, at: index, end: end, "<!--") {
                index = ASCIIBytes.skip(past: "-->", in: bytes, from: index + 4, end: end)
            } else {
                break
            }
        }
        for opening: StaticString in ["<!doctype html", "<html", "<head", "<body"]
        where ASCIIBytes.hasPrefix(bytes, at: index, end: end, opening) {
            let next = index + opening.utf8CodeUnitCount
            if next == end || ASCIIBytes.isSpace(bytes[next]) || bytes[next] == UInt8(ascii: ">") { return true }
        }
        var tags = 0
        var position = start
        while position < end {
            if bytes[position] == UInt8(ascii: "<"),
                ASCIIBytes.hasPrefix(bytes, at: position, end: end, "<p>")
                    || ASCIIBytes.hasPrefix(bytes, at: position, end: end, "<p ")
                    || ASCIIBytes.hasPrefix(bytes, at: position, end: end, "<div")
                    || ASCIIBytes.hasPrefix(bytes, at: position, end: end, "<br")
            {
                tags += 1
                if tags >= minTags { return true }
            }
            position += 1
        }
        return false
    }
}
