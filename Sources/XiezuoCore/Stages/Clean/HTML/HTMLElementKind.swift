/// How an element breaks the text it holds, the way a browser lays it out. The clean stage
/// reads layout from line breaks and blank lines, so: a block (paragraph, heading, list,
/// table, section) stands apart with a blank line, as paragraphs do in the text pages; a line
/// (list item, table row, `<br>`) starts a new line in the same block, as the items of a
/// "related articles" list do; a cell is set off by a space; everything else runs inline.
enum HTMLElementKind: Sendable, Equatable {
    case block
    case line
    case cell
    case inline

    init(name: String) {
        switch name {
        case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "ul", "ol", "dl",
            "table", "figure", "figcaption", "main", "center", "address", "pre", "hr", "header", "details",
            "summary", "caption", "body", "html", "fieldset", "hgroup", "thead", "tbody", "tfoot":
            self = .block
        case "br", "li", "tr", "dt", "dd", "option", "legend":
            self = .line
        case "td", "th":
            self = .cell
        default:
            self = .inline
        }
    }
}
