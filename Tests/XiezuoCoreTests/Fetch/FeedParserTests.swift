import Foundation
import XCTest

@testable import XiezuoCore

final class FeedParserTests: XCTestCase {
    private let feedURL = URL(string: "https://news.example/feeds/rss.xml")!

    func testRSSItemsGiveTheirLinksInOrderResolvedAgainstTheFeed() throws {
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
            <title>协作</title><link>https://news.example/</link>
            <atom:link href="https://news.example/feeds/rss.xml" rel="self"/>
            <item><title>一</title><link>https://news.example/a.html</link></item>
            <item><title>二</title><link><![CDATA[/b.html]]></link></item>
            <item><title>三</title><guid isPermaLink="true">https://news.example/c.html</guid></item>
            <item><title>四</title><guid isPermaLink="false">id-4</guid></item>
            </channel></rss>
            """
        XCTAssertEqual(
            try FeedParser.links(in: Array(rss.utf8), feedURL: feedURL),
            ["https://news.example/a.html", "https://news.example/b.html", "https://news.example/c.html"]
        )
    }

    func testAtomEntriesGiveTheirAlternateLinks() throws {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>协作</title>
            <link rel="self" href="https://news.example/atom.xml"/>
            <entry><title>一</title><link rel="edit" href="https://news.example/edit/1"/><link href="https://news.example/1.html"/></entry>
            <entry><title>二</title><link rel="alternate" type="text/html" href="2.html"/></entry>
            </feed>
            """
        XCTAssertEqual(
            try FeedParser.links(in: Array(atom.utf8), feedURL: feedURL),
            ["https://news.example/1.html", "https://news.example/feeds/2.html"]
        )
    }

    func testAPageThatIsNoFeedIsAFailureWithAReason() {
        XCTAssertThrowsError(try FeedParser.links(in: Array("<html><body>hi</body></html>".utf8), feedURL: feedURL)) { error in
            XCTAssertEqual(
                (error as? HTTPFailure)?.reason, "not an RSS or Atom feed: no <rss>, <rdf:RDF> or <feed> root element")
        }
        XCTAssertThrowsError(try FeedParser.links(in: Array("<rss><channel>".utf8), feedURL: feedURL)) { error in
            XCTAssertTrue((error as? HTTPFailure)?.reason.hasPrefix("not a readable RSS or Atom feed:") == true, "\(error)")
        }
        XCTAssertThrowsError(try FeedParser.links(in: Array("<rss><channel><item>".utf8), feedURL: feedURL)) { error in
            XCTAssertEqual(
                (error as? HTTPFailure)?.reason, "not a readable RSS or Atom feed: it ends before its root element closes")
        }
    }
}
