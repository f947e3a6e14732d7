/// What a page says about itself outside its text: the titles it declares (`<title>`,
/// `og:title`, `<h1>`), the publication date of its metadata (`<meta name="PubDate">`,
/// `article:published_time`, `var pubtime = …` in a script, JSON-LD `datePublished`), and the
/// address it names for itself (`<link rel="canonical">`, `og:url`). Empty for a text page.
struct PageFacts: Sendable, Equatable {
    /// Declared titles, each as normalised scalars, site names split off (`HeadlineChooser`
    /// takes a line that agrees with one as the page's headline).
    var titles: [[Unicode.Scalar]] = []
    /// The date of the page's metadata.
    var published: CivilDate?
    /// The page's own address, when it names one.
    var url: String?
}
