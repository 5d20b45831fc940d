import Markup
import Model
import Plan

/// sitemap.xml needs absolute addresses, so it is written only when site.yaml gives `url`.
enum Sitemap {
    static func xml(site: Site, plan: SitePlan) -> String? {
        guard let base = site.config.url else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in plan.pages.sorted(by: { $0.url < $1.url }) where page.kind != .notFound {
            xml += "  <url><loc>\(HTML.escape(base + Href.escape(page.url)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
