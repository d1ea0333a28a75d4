// Network tests against a cpp-httplib server on 127.0.0.1 that each test
// starts on an ephemeral port; nothing here contacts the outside network.
#include "ingest/fetch.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "claimtrace/pipeline.h"
#include "ingest/feed.h"
#include "test_support.h"

namespace claimtrace::ingest {
namespace {

using claimtrace::testing::TempDir;
using claimtrace::testing::WriteFile;

std::string Article(const std::string& title, const std::string& said) {
  return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + said +
         "</p></body></html>";
}

std::string Rss(int port) {
  std::string base = "http://127.0.0.1:" + std::to_string(port);
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Ferries resume</title><link>)" + base + R"(/a1</link><pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate></item>
<item><title>Quay repairs</title><link>/a2</link></item>
<item><title>Ferries resume (again)</title><link>)" + base + R"(/a1</link></item>
<item><title>Mayor speaks</title><guid isPermaLink="true">)" + base + R"(/a3</guid></item>
</channel></rss>)";
}

// A local test server with the pages the tests need.
class LocalServer {
 public:
  LocalServer() {
    svr_.Get("/page", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(Article("Quay report", "The harbour master said the quay would reopen. Caf\xE9 open."),
                      "text/html; charset=ISO-8859-1");
    });
    svr_.Get("/ua", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(Article("UA", req.get_header_value("User-Agent")), "text/html");
    });
    svr_.Get("/r1", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/r2"); });
    svr_.Get("/r2", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/page"); });
    svr_.Get(R"(/loop/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
      res.set_redirect("/loop/" + std::to_string(std::stoi(req.matches[1]) + 1));
    });
    svr_.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
      res.status = 404;
      res.set_content("<html><body>not here</body></html>", "text/html");
    });
    svr_.Get("/broken", [](const httplib::Request&, httplib::Response& res) {
      res.status = 500;
      res.set_content("oops", "text/plain");
    });
    svr_.Get("/image", [](const httplib::Request&, httplib::Response& res) { res.set_content("\x89PNG", "image/png"); });
    svr_.Get("/hang", [this](const httplib::Request&, httplib::Response& res) {
      for (int i = 0; i < 100 && !stopping_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      res.set_content(Article("Late", "Too late."), "text/html");
    });
    svr_.Get("/endless", [this](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/html", [this](size_t, httplib::DataSink& sink) {
        static const std::string block(16 * 1024, 'x');
        return !stopping_ && sink.write(block.data(), block.size());
      });
    });
    for (int i = 1; i <= 3; ++i) {
      svr_.Get("/a" + std::to_string(i), [i, this](const httplib::Request&, httplib::Response& res) {
        ++article_hits_;
        res.set_content(Article("Article " + std::to_string(i), "The mayor said the ferries run again."),
                        "text/html; charset=utf-8");
      });
    }
    svr_.Get("/feed.xml", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(Rss(port_), "application/rss+xml");
    });
    svr_.Get("/bad-feed.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<rss><channel><item><link>http://127.0.0.1/x</link></channel></rss>", "application/rss+xml");
    });
    port_ = svr_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { svr_.listen_after_bind(); });
    while (!svr_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LocalServer() {
    stopping_ = true;
    svr_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int article_hits() const { return article_hits_; }

 private:
  httplib::Server svr_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> article_hits_{0};
};

FetchOptions Fast() {
  FetchOptions o;
  o.rate_per_host = 0;  // no waiting in tests; the limiter has its own test
  o.timeout_ms = 5000;
  o.connect_timeout_ms = 2000;
  return o;
}

TEST(Fetcher, FetchesAPageWithItsCharsetAndUserAgent) {
  LocalServer server;
  Fetcher fetcher(Fast());
  Document doc;
  FetchDocument(&fetcher, server.Url("/page"), &doc);
  ASSERT_FALSE(doc.error) << *doc.error;
  EXPECT_EQ(doc.input, server.Url("/page"));
  EXPECT_EQ(doc.url.value_or(""), server.Url("/page"));
  EXPECT_EQ(doc.format, InputFormat::kHtml);
  EXPECT_NE(doc.raw.find("Caf\u00E9 open"), std::string::npos) << doc.raw;  // Latin-1 as declared
  EXPECT_EQ(doc.declared_charset.value_or(""), "ISO-8859-1");

  Document ua;
  FetchDocument(&fetcher, server.Url("/ua"), &ua);
  ASSERT_FALSE(ua.error) << *ua.error;
  EXPECT_NE(ua.raw.find(DefaultUserAgent()), std::string::npos) << ua.raw;
  EXPECT_EQ(DefaultUserAgent().rfind("claimtrace/", 0), 0u);
}

TEST(Fetcher, FollowsARedirectChainAndKeepsTheEffectiveUrl) {
  LocalServer server;
  Fetcher fetcher(Fast());
  Document doc;
  FetchDocument(&fetcher, server.Url("/r1"), &doc);
  ASSERT_FALSE(doc.error) << *doc.error;
  EXPECT_EQ(doc.input, server.Url("/r1"));
  EXPECT_EQ(doc.url.value_or(""), server.Url("/page"));
}

TEST(Fetcher, StopsAfterTooManyRedirects) {
  LocalServer server;
  FetchOptions o = Fast();
  o.max_redirects = 3;
  Fetcher fetcher(o);
  FetchResult r;
  Status s = fetcher.Fetch(server.Url("/loop/0"), &r);
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_NE(s.message().find("more than 3 redirects"), std::string::npos) << s.message();
}

TEST(Fetcher, TurnsHttpErrorsAndNonHtmlIntoDocumentErrors) {
  LocalServer server;
  Fetcher fetcher(Fast());
  Document missing, broken, image;
  FetchDocument(&fetcher, server.Url("/missing"), &missing);
  FetchDocument(&fetcher, server.Url("/broken"), &broken);
  FetchDocument(&fetcher, server.Url("/image"), &image);
  ASSERT_TRUE(missing.error && broken.error && image.error);
  EXPECT_NE(missing.error->find("HTTP 404"), std::string::npos) << *missing.error;
  EXPECT_NE(broken.error->find("HTTP 500"), std::string::npos) << *broken.error;
  EXPECT_NE(image.error->find("image/png is not HTML"), std::string::npos) << *image.error;
}

TEST(Fetcher, GivesUpOnAServerThatHangs) {
  LocalServer server;
  FetchOptions o = Fast();
  o.timeout_ms = 300;
  Fetcher fetcher(o);
  FetchResult r;
  Status s = fetcher.Fetch(server.Url("/hang"), &r);
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_NE(s.message().find("timed out"), std::string::npos) << s.message();
}

TEST(Fetcher, CutsOffAnEndlessBody) {
  LocalServer server;
  FetchOptions o = Fast();
  o.max_body_bytes = 256 * 1024;
  Fetcher fetcher(o);
  FetchResult r;
  Status s = fetcher.Fetch(server.Url("/endless"), &r);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted) << s.ToString();
  EXPECT_NE(s.message().find("over the limit of 262144 bytes"), std::string::npos) << s.message();
  EXPECT_TRUE(r.body.empty());
}

TEST(Fetcher, RefusesOtherSchemes) {
  Fetcher fetcher(Fast());
  FetchResult r;
  EXPECT_EQ(fetcher.Fetch("file:///etc/passwd", &r).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(fetcher.Fetch("ftp://example.org/x", &r).code(), StatusCode::kInvalidArgument);
}

TEST(RateLimiter, SpacesRequestsToOneHostButNotToOthers) {
  double now = 100.0;
  std::vector<double> sleeps;
  RateLimiter limiter(2.0, [&] { return now; }, [&](double s) { sleeps.push_back(s); now += s; });
  limiter.Wait("a.example");
  limiter.Wait("b.example");  // another host: no wait
  EXPECT_TRUE(sleeps.empty());
  limiter.Wait("a.example");  // 0.5 s after the first
  ASSERT_EQ(sleeps.size(), 1u);
  EXPECT_DOUBLE_EQ(sleeps[0], 0.5);
  now += 2.0;  // long after: no wait
  limiter.Wait("a.example");
  EXPECT_EQ(sleeps.size(), 1u);
}

TEST(RateLimiter, ZeroMeansNoLimit) {
  int sleeps = 0;
  RateLimiter limiter(0.0, [] { return 1.0; }, [&](double) { ++sleeps; });
  for (int i = 0; i < 5; ++i) limiter.Wait("a.example");
  EXPECT_EQ(sleeps, 0);
}

TEST(Urls, HostsAndRelativeLinks) {
  EXPECT_EQ(UrlHost("https://News.Example.org/a?b=1"), "news.example.org");
  EXPECT_EQ(UrlHost("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
  EXPECT_EQ(UrlHost("not a url"), "");
  EXPECT_EQ(ResolveUrl("https://example.org/feeds/rss.xml", "/world/1"), "https://example.org/world/1");
  EXPECT_EQ(ResolveUrl("https://example.org/feeds/rss.xml", "2.html"), "https://example.org/feeds/2.html");
  EXPECT_TRUE(IsHttpUrl("HTTPS://example.org"));
  EXPECT_FALSE(IsHttpUrl("file:///x"));
}

TEST(Feed, ParsesRssItemsWithDatesRelativeLinksAndDuplicates) {
  Feed feed;
  ASSERT_TRUE(ParseFeed(Rss(8000), "http://127.0.0.1:8000/feed.xml", &feed).ok());
  EXPECT_EQ(feed.title, "Harbour Gazette");
  ASSERT_EQ(feed.items.size(), 3u);  // the repeated /a1 is dropped
  EXPECT_EQ(feed.items[0].link, "http://127.0.0.1:8000/a1");
  EXPECT_EQ(feed.items[0].title, "Ferries resume");
  EXPECT_EQ(feed.items[0].published, "2025-06-03");
  EXPECT_EQ(feed.items[1].link, "http://127.0.0.1:8000/a2");
  EXPECT_EQ(feed.items[2].link, "http://127.0.0.1:8000/a3");  // from the permalink guid
}

TEST(Feed, ParsesAtomEntries) {
  const char* atom = R"(<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Wire</title>
<entry><title>Storm closes port</title><link rel="alternate" href="https://example.org/s1"/>
<link rel="edit" href="https://example.org/edit/s1"/><published>2024-11-02T10:00:00Z</published></entry>
<entry><title>Port reopens</title><link href="https://example.org/s2"/><updated>2024-11-03T09:00:00+01:00</updated></entry>
</feed>)";
  Feed feed;
  ASSERT_TRUE(ParseFeed(atom, "https://example.org/atom.xml", &feed).ok());
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].link, "https://example.org/s1");
  EXPECT_EQ(feed.items[0].published, "2024-11-02");
  EXPECT_EQ(feed.items[1].link, "https://example.org/s2");
  EXPECT_EQ(feed.items[1].published, "2024-11-03");
}

TEST(Feed, RefusesInvalidXmlAndOtherDocuments) {
  Feed feed;
  Status bad = ParseFeed("<rss><channel><item></channel></rss>", "f.xml", &feed);
  EXPECT_EQ(bad.code(), StatusCode::kCorruption);
  EXPECT_NE(bad.message().find("not well-formed"), std::string::npos) << bad.message();
  EXPECT_NE(bad.message().find("line 1"), std::string::npos) << bad.message();
  Status html = ParseFeed("<html><body/></html>", "f.xml", &feed);
  EXPECT_NE(html.message().find("not an RSS or Atom feed"), std::string::npos) << html.message();
}

TEST(Feed, DoesNotExpandEntitiesOrLoadExternalOnes) {
  const char* xxe = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>
<rss><channel><item><title>&x;</title><link>https://example.org/1</link></item></channel></rss>)";
  const char* laughs = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><item><title>&b;</title><link>https://example.org/1</link></item></channel></rss>)";
  Feed feed;
  EXPECT_EQ(ParseFeed(xxe, "f.xml", &feed).code(), StatusCode::kUnsupported);
  Status s = ParseFeed(laughs, "f.xml", &feed);
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
  EXPECT_NE(s.message().find("entities"), std::string::npos) << s.message();
}

TEST(FeedDate, ReadsRfc822AndIso) {
  std::string d;
  EXPECT_TRUE(ParseFeedDate("Tue, 10 Jun 2003 04:00:00 GMT", &d));
  EXPECT_EQ(d, "2003-06-10");
  EXPECT_TRUE(ParseFeedDate("5 Feb 24 10:00 +0000", &d));
  EXPECT_EQ(d, "2024-02-05");
  EXPECT_TRUE(ParseFeedDate("2024-03-16T08:30:00+02:00", &d));
  EXPECT_EQ(d, "2024-03-16");
  EXPECT_FALSE(ParseFeedDate("Tue, 31 Feb 2003 04:00:00 GMT", &d));
  EXPECT_FALSE(ParseFeedDate("yesterday", &d));
}

// Through InputReader, as the CLI uses it.
TEST(InputReaderWeb, ReadsUrlsAndFeedsInOrderAndGoesOnAfterErrors) {
  LocalServer server;
  TempDir dir;
  // A feed file: one link already in the fetched feed, one new.
  WriteFile(dir / "local.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"" + server.Url("/a1") +
                                    "\"/></entry><entry><title>Local</title><link href=\"" + server.Url("/r1") +
                                    "\"/></entry></feed>");
  ReaderOptions options;
  options.rate_per_host = 0;
  options.feeds = {server.Url("/bad-feed.xml"), server.Url("/feed.xml"), server.Url("/feed.xml"), dir / "local.atom"};
  InputReader reader({server.Url("/page"), server.Url("/missing")}, options);
  std::vector<Document> docs;
  Document doc;
  while (reader.Next(&doc)) docs.push_back(doc);
  ASSERT_EQ(docs.size(), 7u);
  EXPECT_FALSE(docs[0].error);
  EXPECT_TRUE(docs[1].error);                 // 404
  ASSERT_TRUE(docs[2].error);                 // the invalid feed
  EXPECT_EQ(docs[2].input, server.Url("/bad-feed.xml"));
  EXPECT_NE(docs[2].error->find("not well-formed"), std::string::npos) << *docs[2].error;
  for (int i = 3; i < 6; ++i) EXPECT_FALSE(docs[i].error) << docs[i].input << ": " << *docs[i].error;
  EXPECT_EQ(docs[3].url.value_or(""), server.Url("/a1"));
  EXPECT_EQ(docs[3].title.value_or(""), "Ferries resume");  // prefilled from the feed item
  EXPECT_EQ(docs[3].published.value_or(""), "2025-06-03");
  EXPECT_EQ(docs[5].url.value_or(""), server.Url("/a3"));
  EXPECT_EQ(docs[6].input, server.Url("/r1"));  // from the feed file
  EXPECT_EQ(docs[6].title.value_or(""), "Local");
  EXPECT_FALSE(docs[6].error);
  EXPECT_EQ(server.article_hits(), 3);        // each link fetched once, the second feed adds nothing
  EXPECT_EQ(reader.stats().duplicate_links, 4u);
}

}  // namespace
}  // namespace claimtrace::ingest
