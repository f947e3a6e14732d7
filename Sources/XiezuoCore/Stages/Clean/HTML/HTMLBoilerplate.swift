/// Page furniture that never holds article text: what `HTMLText` leaves out with all it
/// contains.
///
/// By tag: code and styling (script, style, noscript, template, svg …), navigation and page
/// chrome (nav, header, footer, aside), forms and their controls, embedded frames. A
/// `<header>` inside an `<article>` is the article's own head (headline, date, byline) and is
/// kept.
///
/// By class or id: the words nav, menu, footer, sidebar, comment, share, related, breadcrumb
/// and ad (with their common variants). Class and id are split into words at anything that
/// is not a letter or digit, and short words must match whole (`ad` must not match `header`,
/// `nav` must not match `unavailable`); the long, unambiguous ones also match inside a word
/// (`pagefooter`, `bdshare`, `topmenu`). The structural elements (html, body, main, article)
/// and headlines are never dropped by name, whatever their class says.
enum HTMLBoilerplate {
    private static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "frame",
        "frameset", "svg", "math", "canvas", "object", "embed", "button", "select", "textarea", "input", "audio",
        "video", "map", "head",
    ]
    private static let protectedTags: Set<String> = ["html", "body", "main", "article", "h1"]
    private static let wholeWords: Set<String> = [
        "nav", "navi", "navbar", "navigation", "menu", "menus", "footer", "foot", "sidebar", "comment", "comments",
        "share", "sharing", "related", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "ad", "ads", "adv", "advert",
        "adverts", "advertisement", "advertising",
    ]
    private static let embeddedWords = [
        "navbar", "menu", "footer", "sidebar", "comment", "share", "related", "breadcrumb", "advert",
    ]

    /// The element is left out by its tag alone.
    static func dropsTag(_ name: String, insideArticle: Bool) -> Bool {
        if name == "header" { return !insideArticle }
        return droppedTags.contains(name)
    }

    /// The element's class or id names it as furniture.
    static func dropsByName(_ element: HTMLNode) -> Bool {
        guard !protectedTags.contains(element.name) else { return false }
        for attribute in element.attributes where attribute.name == "class" || attribute.name == "id" {
            let value = attribute.value.lowercased()
            let words = value.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            for word in words {
                if wholeWords.contains(String(word)) { return true }
                if embeddedWords.contains(where: { word.contains($0) }) { return true }
            }
        }
        return false
    }
}
