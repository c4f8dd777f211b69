/// Everything the site holds, produced one file at a time: the writer asks
/// for each file's bytes as it writes it, so a site of 100 000 pages never
/// has to be in memory at once.
public struct SiteContent: Sendable {
    /// Relative paths, each once.
    public let paths: [String]
    /// Makes file `index` and hands its bytes to the function given, while
    /// they are still in the buffer they were written into: a page's bytes
    /// are hashed, compared and written from there, never copied into an
    /// array of their own (that copy was a page's size of memory traffic
    /// for every page, 650 MB for a national site).
    typealias Producer = @Sendable (_ index: Int, _ use: (UnsafeRawBufferPointer) -> Void) -> Void
    private let produce: Producer

    init(paths: [String], producingInPlace produce: @escaping Producer) {
        self.paths = paths
        self.produce = produce
    }

    public init(paths: [String], produce: @escaping @Sendable (Int) -> [UInt8]) {
        self.init(paths: paths) { index, use in produce(index).withUnsafeBytes(use) }
    }

    /// Content that is already in memory (small sites, tests).
    public init(files: [String: [UInt8]]) {
        let sorted = files.keys.sorted(by: byteOrder)
        self.init(paths: sorted) { files[sorted[$0]]! }
    }

    /// File `index`'s bytes, lent to `body` for the time of the call.
    func withBytes<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var result: R?
        produce(index) { result = body($0) }
        return result!
    }

    /// File `index`'s bytes, as an array of their own.
    public func bytes(_ index: Int) -> [UInt8] { withBytes(index) { Array($0) } }

    public var pageCount: Int { paths.filter { hasBytes($0, suffix: ".html") }.count }

    /// All files in memory at once: for tests and small sites.
    public var files: [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: paths.indices.map { (paths[$0], bytes($0)) })
    }
}

/// Step 4 of the pipeline: the HTML pages, the stylesheet and script, and the
/// data files. Nothing is computed here; it only presents what the compute
/// step produced.
public enum SiteRenderer {
    /// `logo` is the bytes of the configured logo file, read by the caller.
    public static func content(_ input: RenderInput, logo: [UInt8]? = nil) -> SiteContent {
        // Everything besides the pages, each produced when it is written (the
        // data files are as large as the biggest pages).
        var fixed: [String: @Sendable () -> [UInt8]] = [:]
        fixed["assets/samsyn.css"] = { Array(Assets.css.utf8) }
        fixed["assets/samsyn.js"] = { Array(Assets.js.utf8) }
        if let accent = input.project.config.appearance.accent {
            fixed["assets/accent.css"] = { Array(Assets.accentCSS(accent).utf8) }
        }
        if let logo, let path = logoPath(input.project.config) { fixed[path] = { logo } }
        let report = input.report
        fixed["data/indicators.json"] = { IndicatorsDocument.json(report).bytes() }
        for (name, bytes) in DataTables.planned(input.project, input.report) {
            fixed["data/" + name] = bytes
        }
        let pages = HTMLSite.pages(input)
        let logoInSite = logo == nil ? nil : logoPath(input.project.config)
        let fixedFiles = fixed
        let fixedPaths = fixed.keys.sorted(by: byteOrder)
        let frames = FrameMaker(input, Localization(input.project.config.language), logoPath: logoInSite)
        return SiteContent(paths: fixedPaths + pages.map(\.path)) { index, use in
            if index < fixedPaths.count { return fixedFiles[fixedPaths[index]]!().withUnsafeBytes(use) }
            let plan = pages[index - fixedPaths.count]
            let page = plan.layout()
            // The plan's path is what the manifest lists; the page must agree.
            assert(page.path == plan.path, "\(page.path) planned as \(plan.path)")
            HTMLSite.write(page, frames: frames).withBytes(use)
        }
    }

    /// Every file in memory at once (tests and small sites).
    public static func render(_ input: RenderInput, logo: [UInt8]? = nil) -> [String: [UInt8]] {
        content(input, logo: logo).files
    }

    /// Where the logo goes in the site: `assets/logo.svg` or `assets/logo.png`.
    static func logoPath(_ config: SiteConfig) -> String? {
        guard let logo = config.appearance.logo else { return nil }
        return "assets/logo." + (logo.lowercased().hasSuffix(".png") ? "png" : "svg")
    }
}
