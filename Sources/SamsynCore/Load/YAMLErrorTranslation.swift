import Yams

/// Turns libyaml's terse messages into diagnostics a project leader can act
/// on: the place, what went wrong in plain words, and the usual fix.
enum YAMLErrorTranslation {
    /// `standIn` is the character that replaced '*' in the text libyaml read
    /// (see `AliasKeyGuard`); it is turned back into '*' in key names.
    static func diagnostic(for error: YamlError, file: String, text: String, standIn: Unicode.Scalar? = nil) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // For an unclosed quote or bracket the place that matters is where it
            // was opened, which libyaml gives as the context's mark.
            var at = mark
            if let context, context.text.contains("quoted scalar") || context.text.contains("flow sequence")
                || context.text.contains("flow mapping") {
                at = context.mark
            }
            let location = SourceLocation(file: file, line: max(at.line, 1), column: max(at.column, 1))
            let message: String
            switch context {
            case let context? where context.text.hasPrefix("while"): message = "\(problem) (\(context.text))"
            case let context?: message = "\(context.text), \(problem)"
            case nil: message = problem
            }
            return Diagnostic(.error, location, "YAML syntax error: \(message)", hint: hint(for: problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            var key = duplicates.first ?? ""
            if let standIn {
                key = String(String.UnicodeScalarView(key.unicodeScalars.map { $0 == standIn ? "*" : $0 }))
            }
            let first = context.mark
            let location = secondOccurrence(of: key, after: first, in: text).map {
                SourceLocation(file: file, line: $0.line, column: $0.column)
            } ?? SourceLocation(file: file, line: first.line, column: first.column)
            return Diagnostic(.error, location,
                              "the key '\(key)' appears twice in the same record (first on line \(first.line))",
                              hint: "keep one of them and delete the other line")
        case let .reader(problem, _, _, _):
            return Diagnostic(.error, SourceLocation(file: file, line: 1, column: 1), "the file cannot be read as text: \(problem)",
                              hint: "save it as UTF-8")
        default:
            return Diagnostic(.error, SourceLocation(file: file, line: 1, column: 1), "the YAML cannot be read: \(error)")
        }
    }

    private static func hint(for problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "a value that contains ': ' must be put in quotes, e.g. title: \"Temadag: jämställdhet\""
        }
        if problem.contains("cannot start any token") {
            return "indent with spaces, not tabs; text starting with @ or ` must be put in quotes"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "check the indentation: keys of one record line up under each other"
        }
        if problem.contains("undefined alias") {
            return "an alias (*name) must refer to an anchor (&name) defined earlier in the same file"
        }
        if problem.contains("found unexpected end of stream") || problem.contains("found unexpected document")
            || problem.contains("did not find expected ',' or") {
            return "a quote or bracket was opened and never closed"
        }
        if problem.contains("Maximum nesting level") {
            return "the file nests lists or mappings more than 1000 levels deep; records are never that deep"
        }
        if problem.contains("another document") {
            return "a file holds one record or one list of records; remove the '---' line or split the file"
        }
        return nil
    }

    /// libyaml names the first occurrence of a duplicated key; the mistake is
    /// usually the later one, so look for the next line starting with the same
    /// key at the same column.
    static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let indent = first.column - 1
        for number in first.line..<lines.count {
            let line = Array(lines[number].unicodeScalars)
            guard line.count > indent else { continue }
            let rest = String(String.UnicodeScalarView(line[indent...]))
            let before = String(String.UnicodeScalarView(line[..<indent]))
            guard before.allSatisfy({ $0 == " " || $0 == "-" }), rest.hasPrefix(key) else { continue }
            let after = rest.dropFirst(key.count).drop { $0 == " " }
            if after.hasPrefix(":") { return (number + 1, first.column) }
        }
        return nil
    }
}
