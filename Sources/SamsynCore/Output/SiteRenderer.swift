/// Step 4 of the pipeline: everything the site holds, as relative path →
/// bytes. Nothing is computed here; it only presents the report.
public enum SiteRenderer {
    public static func render(_ project: Project, _ report: IndicatorReport) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        files["data/indicators.json"] = Array(IndicatorsDocument.json(report).serialized().utf8)
        for (name, table) in DataTables.all(project, report) {
            files["data/" + name] = table.bytes()
        }
        return files
    }
}
