/// Step 4 of the pipeline: everything the site holds, as relative path →
/// bytes: the HTML pages, the stylesheet and script, and the data files.
/// Nothing is computed here; it only presents what the compute step produced.
public enum SiteRenderer {
    /// `logo` is the bytes of the configured logo file, read by the caller.
    public static func render(_ input: RenderInput, logo: [UInt8]? = nil) -> [String: [UInt8]] {
        var files = HTMLSite.render(input, logoPath: logo.flatMap { _ in logoPath(input.project.config) })
        files["assets/samsyn.css"] = Array(Assets.css.utf8)
        files["assets/samsyn.js"] = Array(Assets.js.utf8)
        if let accent = input.project.config.appearance.accent {
            files["assets/accent.css"] = Array(Assets.accentCSS(accent).utf8)
        }
        if let logo, let path = logoPath(input.project.config) { files[path] = logo }
        files["data/indicators.json"] = Array(IndicatorsDocument.json(input.report).serialized().utf8)
        for (name, table) in DataTables.all(input.project, input.report) {
            files["data/" + name] = table.bytes()
        }
        return files
    }

    /// Where the logo goes in the site: `assets/logo.svg` or `assets/logo.png`.
    static func logoPath(_ config: SiteConfig) -> String? {
        guard let logo = config.appearance.logo else { return nil }
        return "assets/logo." + (logo.lowercased().hasSuffix(".png") ? "png" : "svg")
    }
}
