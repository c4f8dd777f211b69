import Foundation
import SamsynCore

/// What `serve` adds to pages, and only there: the live-reload script, and
/// an error page shown instead of the site while the data has errors. A
/// normal `build` never contains any of it.
enum PreviewPages {
    static let scriptPath = "/__samsyn/live.js"
    static let waitPath = "/__samsyn/wait"

    /// Waits for the next build and reloads; works under the pages' CSP
    /// (a same-origin script, and connect-src 'self' added by `inject`).
    static let script = """
    (function () {
      "use strict";
      var version = null;
      function poll() {
        var url = "\(waitPath)" + (version === null ? "" : "?since=" + version);
        fetch(url, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (data) {
          if (version !== null && data.version !== version) { location.reload(); return; }
          version = data.version;
          poll();
        }).catch(function () { setTimeout(poll, 1000); });
      }
      poll();
    })();

    """

    /// Adds the script before </body> and lets it connect to the server.
    static func inject(into html: String) -> String {
        var page = html.replacingOccurrences(of: "form-action 'none'\">", with: "form-action 'none'; connect-src 'self'\">")
        if let body = page.range(of: "</body>", options: .backwards) {
            page.replaceSubrange(body, with: "<script src=\"\(scriptPath)\"></script>\n</body>")
        }
        return page
    }

    /// The page shown while a change is broken: every problem with its place.
    static func errors(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let items = diagnostics.map { d -> String in
            let hint = d.hint.map { "<br><span class=\"hint\">\(escape($0))</span>" } ?? ""
            return "<li><code>\(escape(d.location.description))</code> <strong>\(d.severity.rawValue)</strong>: \(escape(d.message))\(hint)</li>"
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'">
        <title>Samsyn: \(errors.count) error\(errors.count == 1 ? "" : "s")</title>
        <link rel="stylesheet" href="/assets/samsyn.css">
        </head>
        <body>
        <main id="main">
        <h1>\(errors.count) error\(errors.count == 1 ? "" : "s") in the data</h1>
        <p>The site is not rebuilt until these are fixed; the last good site is unchanged on disk. This page reloads by itself when you save a file.</p>
        <ul class="plain">
        \(items)
        </ul>
        </main>
        <script src="\(scriptPath)"></script>
        </body>
        </html>

        """
    }

    /// The site's own escaping, so the error page and the pages escape alike.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
