import Foundation

/// How diagnostics are printed: for people and editors (`text`), as GitHub
/// Actions annotations (`github`), or as JSON for other tools.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, github, json

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text: return DiagnosticFormat.text(diagnostics)
        case .github: return DiagnosticFormat.github(diagnostics)
        case .json: return DiagnosticFormat.json(diagnostics)
        }
    }

    /// `path:line:column: error: message`, then an indented hint line.
    private static func text(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            out += "\(d.location): \(d.severity.rawValue): \(d.message)\n"
            if let hint = d.hint { out += "    hint: \(hint)\n" }
        }
        return out
    }

    /// `::error file=…,line=…,col=…::message` — GitHub shows these on the changed lines.
    private static func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            var properties = ["file=\(escapeProperty(d.location.file))"]
            if d.location.line > 0 {
                properties.append("line=\(d.location.line)")
                properties.append("col=\(max(d.location.column, 1))")
            }
            properties.append("title=samsyn")
            let message = d.hint.map { "\(d.message) — \($0)" } ?? d.message
            out += "::\(d.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        return out
    }

    // The workflow-command escapes GitHub documents for data and properties.
    private static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private static func json(_ diagnostics: [Diagnostic]) -> String {
        let items: [JSONValue] = diagnostics.map { d in
            var fields: [(String, JSONValue)] = [
                ("file", .string(d.location.file)),
                ("line", .int(d.location.line)),
                ("column", .int(d.location.column)),
                ("severity", .string(d.severity.rawValue)),
                ("message", .string(d.message)),
            ]
            fields.append(("hint", d.hint.map(JSONValue.string) ?? .null))
            return .object(fields)
        }
        return JSONValue.array(items).serialized()
    }
}
