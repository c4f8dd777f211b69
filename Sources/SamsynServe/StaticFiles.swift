/// Maps a request to a file of the site, and to nothing else: only paths the
/// build planned exist, so neither "..", encoded separators nor links in the
/// site folder can reach another file.
enum StaticFiles {
    enum Lookup: Equatable {
        /// A path of the site, relative, such as "index.html" or "data/agreements.csv".
        case file(String)
        /// A folder asked for without its trailing slash.
        case redirect(String)
        case notFound
        case badRequest
    }

    /// `rawTarget` is the request line's target as sent; `path` is it decoded;
    /// `exists` says whether the site has a file at a relative path.
    static func lookup(rawTarget: String, path: String, exists: (String) -> Bool) -> Lookup {
        let raw = rawTarget.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let lowered = raw.lowercased()
        // Refuse traversal however it is spelt, before any decoding or normalising.
        if raw.contains("..") || lowered.contains("%2e") || lowered.contains("%2f") || lowered.contains("%5c")
            || raw.contains("\\") || lowered.contains("%00") || path.contains("\0") {
            return .badRequest
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .badRequest }
        let relative = segments.joined(separator: "/")
        if relative.isEmpty || path.hasSuffix("/") {
            let index = relative.isEmpty ? "index.html" : relative + "/index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(relative) { return .file(relative) }
        if exists(relative + "/index.html") { return .redirect(path + "/") }
        return .notFound
    }

    static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        default: return "application/octet-stream"
        }
    }
}
