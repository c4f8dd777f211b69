/// Turns libyaml's terse messages into diagnostics a project leader can act
/// on: the place, what went wrong in plain words, and the usual fix.
enum YAMLErrorTranslation {
    static func diagnostic(for error: YAMLError, file: String, text: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1))
        }
        let rewrite = "write the values out instead of repeating them with YAML anchors (&) and aliases (*)"
        switch error {
        case let .syntax(problem, mark, context, contextMark):
            // For an unclosed quote or bracket the place that matters is where it
            // was opened, which libyaml gives as the context's mark.
            var place = mark
            if let context, let contextMark, context.contains("quoted scalar") || context.contains("flow sequence")
                || context.contains("flow mapping") {
                place = contextMark
            }
            let message: String
            switch context {
            case let context? where context.hasPrefix("while"): message = "\(problem) (\(context))"
            case let context?: message = "\(context), \(problem)"
            case nil: message = problem
            }
            return Diagnostic(.error, at(place), "YAML syntax error: \(message)", hint: hint(for: problem))
        case let .unreadable(problem, offset):
            return Diagnostic(.error, at(place(ofByte: offset, in: text)), "the file cannot be read as text: \(problem)",
                              hint: "remove the control character; if the file came from another program, save it again as plain UTF-8 text")
        case let .duplicateKey(key, first, second):
            return Diagnostic(.error, at(second), "the key '\(key)' appears twice in the same record (first on line \(first.line))",
                              hint: "keep one of them and delete the other line")
        case let .aliasInKey(mark):
            return Diagnostic(.error, at(mark), "a YAML alias (*name) cannot be used in a key here; the file is refused",
                              hint: "write keys out as plain words; aliases may only stand for values")
        case let .tooManyValues(limit, mark):
            return Diagnostic(.error, at(mark), "the file expands to more than \(limit) values (YAML aliases repeat data); it is refused",
                              hint: rewrite)
        case let .tooDeep(limit, mark):
            return Diagnostic(.error, at(mark), "lists or mappings are nested more than \(limit) levels deep here; the file is refused",
                              hint: "records are never that deep: check the brackets and the indentation")
        case .outOfMemory:
            return Diagnostic(.error, at(Mark(line: 1, column: 1)), "the YAML cannot be read: out of memory")
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
        if problem.contains("another document") {
            return "a file holds one record or one list of records; remove the '---' line or split the file"
        }
        return nil
    }

    /// Line and column (in characters) of a byte offset into the text.
    static func place(ofByte offset: Int, in text: String) -> Mark {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            guard consumed < offset else { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return Mark(line: line, column: column)
    }
}
