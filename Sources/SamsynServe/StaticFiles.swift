import Foundation

/// Maps a request path to a file inside the site folder, and nothing else:
/// no "..", no encoded separators, no links leading out of the folder.
struct StaticFiles: Sendable {
    let folder: URL

    enum Lookup: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash.
        case redirect(String)
        case notFound
        case badRequest
    }

    /// `rawTarget` is the request line's target as sent; `path` is it decoded.
    func lookup(rawTarget: String, path: String) -> Lookup {
        let raw = rawTarget.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let lowered = raw.lowercased()
        // Refuse traversal however it is spelt, before any decoding or normalising.
        if raw.contains("..") || lowered.contains("%2e") || lowered.contains("%2f") || lowered.contains("%5c")
            || raw.contains("\\") || lowered.contains("%00") || path.contains("\0") {
            return .badRequest
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .badRequest }
        var url = folder
        for segment in segments { url.appendPathComponent(String(segment)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard path.hasSuffix("/") || path.isEmpty else { return .redirect(path + "/") }
            url.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path) else { return .notFound }
        }
        // A symbolic link may point anywhere: serve only what resolves inside the folder.
        guard let real = Self.realPath(url.path), let base = Self.realPath(folder.path),
              real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else { return .notFound }
        return .file(URL(fileURLWithPath: real))
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func contentType(_ url: URL) -> String {
        switch url.pathExtension.lowercased() {
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
