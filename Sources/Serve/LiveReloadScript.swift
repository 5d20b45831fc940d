import Diagnostics
import Markup

/// The script the preview server adds to every HTML page it serves (never to built files):
/// it waits for the next build and reloads, or shows the build's errors over the page.
enum LiveReloadScript {
    static let path = "/__valgrund/live.js"
    static let eventsPath = "/__valgrund/events"
    static let tag = "<script src=\"\(path)\" defer></script>"

    /// The script, with its words in `language`.
    static func source(in language: Language) -> String {
        let title = Message("Valgrund: the content has errors; this is the last good site.").text(in: language)
        return template.replacingOccurrences(of: "\"TITLE\"", with: JSON.string(title).compact)
    }

    private static let template = #"""
        (function () {
          "use strict";
          var attempt = -1, version = null, box = null;
          function show(errors) {
            if (!errors.length) { if (box) { box.remove(); box = null; } return; }
            if (!box) {
              box = document.createElement("div");
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:9999;max-height:50vh;overflow:auto;" +
                "background:#fff;color:#1b1f23;border:3px solid #a4262c;border-radius:6px;padding:1rem;font:14px/1.5 monospace;box-shadow:0 6px 24px rgba(0,0,0,.3)";
              document.body.appendChild(box);
            }
            box.textContent = "";
            var title = document.createElement("strong");
            title.textContent = "TITLE";
            box.appendChild(title);
            errors.forEach(function (line) { var p = document.createElement("div"); p.textContent = line; box.appendChild(p); });
          }
          function poll() {
            fetch("/__valgrund/events?after=" + attempt, { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (state) {
                if (version !== null && state.version !== version) { window.location.reload(); return; }
                version = state.version;
                attempt = state.attempt;
                show(state.errors || []);
                poll();
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        """#
}
