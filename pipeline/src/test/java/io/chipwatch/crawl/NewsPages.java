package io.chipwatch.crawl;

import java.util.List;

/** Builders of the HTML, RSS and sitemap texts the crawler tests serve; the articles are written for the tests. */
public final class NewsPages {

    /** One RSS item. */
    public record Item(String link, String title, String description) {
    }

    private NewsPages() {
    }

    /** An article page of the made-up outlet 芯闻速递; {@code charset} goes into the meta tag. */
    public static String article(String charset, String title, String... paragraphs) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html><head><meta charset=\"").append(charset).append("\">")
                .append("<title>").append(title).append("_芯闻速递</title></head><body>")
                .append("<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/news/\">资讯</a><a href=\"/list\">产业</a></div>")
                .append("<h1>").append(title).append("</h1>")
                .append("<div class=\"info\">2025-10-25 10:20 来源：芯闻速递</div><div class=\"article\">");
        for (String p : paragraphs) {
            html.append("<p>").append(p).append("</p>");
        }
        return html.append("</div><div class=\"footer\">Copyright © 2025 芯闻速递 版权所有</div></body></html>").toString();
    }

    /** RSS 2.0 with the given items; links may be absolute or relative to {@code base}. */
    public static String rss(String base, List<Item> items) {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>芯闻速递</title><link>").append(base).append("/</link><description>半导体产业新闻</description>");
        for (Item item : items) {
            xml.append("<item><title>").append(item.title()).append("</title><link>")
                    .append(item.link().startsWith("http") ? item.link() : base + item.link()).append("</link>")
                    .append("<pubDate>Sat, 25 Oct 2025 10:20:00 +0800</pubDate>");
            if (item.description() != null) {
                xml.append("<description>").append(item.description()).append("</description>");
            }
            xml.append("</item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    /** A urlset sitemap of absolute URLs. */
    public static String sitemap(String base, String... paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String path : paths) {
            xml.append("<url><loc>").append(base).append(path).append("</loc><lastmod>2025-10-25</lastmod></url>");
        }
        return xml.append("</urlset>").toString();
    }

    /** An HTML list page: links in {@code ul.news}, and a {@code a.next} link when {@code next} is not null. */
    public static String listPage(String next, String... linkAndTitle) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>产业资讯</title></head><body>")
                .append("<div class=\"nav\"><a href=\"/\">首页</a></div><ul class=\"news\">");
        for (int i = 0; i < linkAndTitle.length; i += 2) {
            html.append("<li><a href=\"").append(linkAndTitle[i]).append("\">").append(linkAndTitle[i + 1]).append("</a></li>");
        }
        html.append("</ul>");
        if (next != null) {
            html.append("<div class=\"pager\"><a class=\"next\" href=\"").append(next).append("\">下一页</a></div>");
        }
        return html.append("</body></html>").toString();
    }
}
