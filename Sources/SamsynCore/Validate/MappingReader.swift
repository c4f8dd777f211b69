/// Reads one YAML mapping into typed values, reporting every problem with the
/// line and column of the offending value. Each record reader declares the
/// keys it accepts up front, so unknown keys (typos) are caught in one place.
struct MappingReader {
    let file: String
    let location: SourceLocation
    let log: DiagnosticLog
    /// What the mapping is, in words, for messages ("the agreement", "a participants entry").
    let what: String
    /// The mapping's own pairs, shared rather than copied into entries of
    /// the reader's (an array made and freed for every record and every
    /// participants entry, and a retain and a release for each of their
    /// values). A list, not a dictionary: a record has a dozen keys at most,
    /// and comparing a few short strings is cheaper than hashing each one (a
    /// national project reads a million of them). YAML has already refused
    /// duplicate keys, so the first pair with a key is the only one.
    private let pairs: [YAMLNode.Pair]
    /// Bit i set: pair i gives its key a value (the key is allowed, not
    /// reported elsewhere, and its value is not null). Pairs past the 64th,
    /// which only a damaged or hostile file has, are looked at anew.
    private let given: UInt64
    private let allowed: [String]
    private let reportedElsewhere: Set<String>
    /// Keys offered as "did you mean" for an unknown key: their absence is the
    /// same mistake, so it is not reported a second time.
    private let suggested: Set<String>

    /// Nil (with an error logged) when `node` is not a mapping.
    /// `reportedElsewhere` names keys that are checked with their own message
    /// (such as meeting_type on a training): skipped here, and not offered as allowed.
    init?(_ node: YAMLNode, file: String, what: String, keys allowed: [String], reportedElsewhere: Set<String> = [],
          log: DiagnosticLog) {
        let location = MappingReader.location(of: node, in: file)
        guard case .mapping(let mapping, _) = node else {
            log.error(location, "\(what) must be a mapping of keys and values, but this is \(MappingReader.describe(node))",
                      hint: "write one key per line, such as `title: …`")
            return nil
        }
        // The pairs are looked at in place, and the reader's properties set
        // once at the end: copying each pair out, and filling the reader in
        // as it went, copied every key, every value and the reader itself
        // (1.6 % of a rebuild's instructions: half a million copies per
        // 10 000 records).
        var given: UInt64 = 0
        var suggested: Set<String> = []
        for index in mapping.indices {
            guard case .scalar(let scalar) = mapping[index].key else {
                let key = mapping[index].key
                log.error(MappingReader.location(of: key, in: file), "a key must be a plain word, not \(MappingReader.describe(key))")
                continue
            }
            let name = scalar.string
            // Looked through, not hashed: the set holds a key or two, and
            // hashing every key of every training and theme day cost more.
            if !reportedElsewhere.isEmpty && reportedElsewhere.contains(where: { sameKey($0, name) }) { continue }
            guard allowed.contains(where: { sameKey($0, name) }) else {
                let close = suggestion(for: name, among: allowed)
                if let close { suggested.insert(close) }
                let hint = close.map { "did you mean '\($0)'?" } ?? "keys allowed here: " + listForHint(allowed)
                log.error(MappingReader.location(of: scalar.mark, in: file), "unknown key '\(name)' in \(what)", hint: hint)
                continue
            }
            // `key:` with nothing after it, `~` or `null` mean "not given".
            if index < 64 && !MappingReader.isNull(mapping[index].value) { given |= 1 << UInt64(index) }
        }
        self.file = file
        self.log = log
        self.what = what
        self.location = location
        self.pairs = mapping
        self.given = given
        self.allowed = allowed
        self.reportedElsewhere = reportedElsewhere
        self.suggested = suggested
    }

    /// Whether pair `index`, whose key is `name`, gives a value (see `given`).
    private func gives(_ index: Int, _ name: String) -> Bool {
        if index < 64 { return given & (1 << UInt64(index)) != 0 }
        return allowed.contains(where: { sameKey($0, name) }) && !reportedElsewhere.contains(name)
            && !MappingReader.isNull(pairs[index].value)
    }

    static func location(of node: YAMLNode, in file: String) -> SourceLocation {
        location(of: node.mark, in: file)
    }

    static func location(of mark: Mark, in file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    static func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node, scalar.isPlain else { return false }
        // By length first: a `switch` over the five spellings compared every
        // value of every record with each of them, and `==` on two different
        // strings is a call into the standard library (half a million calls
        // per 10 000 records).
        let value = scalar.string
        switch value.utf8.count {
        case 0: return true
        case 1: return value == "~"
        case 4: return value == "null" || value == "Null" || value == "NULL"
        default: return false
        }
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        case .scalar(let scalar): return "the value '\(scalar.string.prefix(60))'"
        }
    }

    /// Where the pair that gives `key` a value is; nil when none does.
    private func index(of key: String) -> Int? {
        for index in pairs.indices {
            guard case .scalar(let scalar) = pairs[index].key, sameKey(scalar.string, key) else { continue }
            return gives(index, key) ? index : nil
        }
        return nil
    }

    func has(_ key: String) -> Bool { index(of: key) != nil }

    func node(_ key: String) -> YAMLNode? { index(of: key).map { pairs[$0].value } }

    /// Where a key's value is, or the mapping itself when the key is absent.
    func location(of key: String) -> SourceLocation {
        index(of: key).map { MappingReader.location(of: pairs[$0].value, in: file) } ?? location
    }

    func keyLocation(_ key: String) -> SourceLocation {
        index(of: key).map { MappingReader.location(of: pairs[$0].key, in: file) } ?? location
    }

    func missing(_ key: String, example: @autoclosure () -> String) {
        guard !suggested.contains(key) else { return }
        log.error(location, "\(what) is missing the required key '\(key)'", hint: "add a line such as `\(key): \(example())`")
    }

    // MARK: Scalars

    /// The value `node` of `key` as a scalar. Each reader below looks its key
    /// up once and passes the value on (asking `has` and then the value
    /// looked the key up twice, for every key of every record); `expected`
    /// is worded only when it is reported.
    private func scalar(_ key: String, _ node: YAMLNode, expected: @autoclosure () -> String) -> YAMLScalar? {
        guard case .scalar(let scalar) = node else {
            log.error(location(of: key), "'\(key)' must be \(expected()), but this is \(MappingReader.describe(node))")
            return nil
        }
        return scalar
    }

    /// Free text: any scalar is read as text (a number in a title is fine).
    func text(_ key: String, required: Bool = false, example: @autoclosure () -> String = "…") -> String? {
        guard let node = node(key) else {
            if required { missing(key, example: example()) }
            return nil
        }
        guard let scalar = scalar(key, node, expected: "text") else { return nil }
        let value = scalar.string.trimmingWhitespace
        if value.isEmpty {
            log.error(location(of: key), "'\(key)' is empty", hint: required ? "write a short text, or fix the quotes" : "write a text, or remove the line")
            return nil
        }
        return value
    }

    /// A whole number ≥ `minimum`. Quoted numbers are text and are refused, so
    /// that "6" and 6 never mean different things in different places.
    func integer(_ key: String, minimum: Int = 0, required: Bool = false, example: @autoclosure () -> String = "0") -> Int? {
        guard let node = node(key) else {
            if required { missing(key, example: example()) }
            return nil
        }
        guard let scalar = scalar(key, node, expected: "a whole number") else { return nil }
        let raw = scalar.string
        let plain = scalar.isPlain
        guard plain, let value = MappingReader.smallInteger(raw) else {
            let hint = !plain && Int(raw) != nil ? "remove the quotes: \(key): \(raw)" : "write digits only, such as \(key): \(example())"
            log.error(location(of: key), "'\(key)' must be a whole number, not '\(raw.prefix(40))'", hint: hint)
            return nil
        }
        guard value >= minimum else {
            log.error(location(of: key), "'\(key)' must be \(minimum) or more, not \(value)")
            return nil
        }
        return value
    }

    /// An optional sign and one to nine digits, read in one pass over the
    /// bytes (counts fill every participants entry); nil for anything else.
    static func smallInteger(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first else { return nil }
            let signed = first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            guard (1...9).contains(bytes.count - (signed ? 1 : 0)) else { return nil }
            var value = 0
            for byte in bytes.dropFirst(signed ? 1 : 0) {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return first == UInt8(ascii: "-") ? -value : value
        }
    }

    /// A number greater than zero, possibly with decimals (1.5), kept exact.
    func positiveDecimal(_ key: String) -> Exact? {
        guard let node = node(key), let scalar = scalar(key, node, expected: "a number") else { return nil }
        let raw = scalar.string
        let plain = scalar.isPlain
        guard plain, let value = Exact(decimal: raw) else {
            let hint = raw.contains(",") ? "use a decimal point, not a comma: \(key): \(raw.replacingOccurrences(of: ",", with: "."))"
                : "write a number such as \(key): 2.5"
            log.error(location(of: key), "'\(key)' must be a number, not '\(raw.prefix(40))'", hint: hint)
            return nil
        }
        guard value > .zero else {
            log.error(location(of: key), "'\(key)' must be more than 0")
            return nil
        }
        return value
    }

    func boolean(_ key: String) -> Bool? {
        guard let node = node(key), let scalar = scalar(key, node, expected: "true or false") else { return nil }
        let plain = scalar.isPlain
        switch (plain, scalar.string) {
        case (true, "true"), (true, "True"), (true, "TRUE"): return true
        case (true, "false"), (true, "False"), (true, "FALSE"): return false
        default:
            log.error(location(of: key), "'\(key)' must be true or false, not '\(scalar.string.prefix(40))'",
                      hint: "write \(key): true or \(key): false")
            return nil
        }
    }

    /// A date written `YYYY-MM-DD`, plain or quoted; impossible dates are refused.
    func date(_ key: String, required: Bool = false) -> Day? {
        guard let node = node(key) else {
            if required { missing(key, example: "2024-05-15") }
            return nil
        }
        guard let scalar = scalar(key, node, expected: "a date (YYYY-MM-DD)") else { return nil }
        let raw = scalar.string.trimmingWhitespace
        if let day = Day(iso: raw) { return day }
        if raw.count == 10, raw.split(separator: "-").count == 3, raw.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
            log.error(location(of: key), "'\(key)': \(raw) is not a real date", hint: "check the month and the day (for example, February has 28 or 29 days)")
        } else {
            log.error(location(of: key), "'\(key)' must be a date written YYYY-MM-DD, not '\(raw.prefix(40))'",
                      hint: "for example \(key): 2024-05-15")
        }
        return nil
    }

    /// One value from a fixed vocabulary.
    /// (The vocabulary's words are listed only for a message: most values are valid.)
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false) -> E? where E.RawValue == String {
        func options() -> [String] { E.allCases.map(\.rawValue) }
        guard let node = node(key) else {
            if required { missing(key, example: options().first ?? "") }
            return nil
        }
        guard let scalar = scalar(key, node, expected: "one of " + options().joined(separator: ", ")) else { return nil }
        return MappingReader.match(scalar.string, options: options(), key: key, at: location(of: key), log: log)
    }

    static func match<E: RawRepresentable & CaseIterable>(_ raw: String, options listed: @autoclosure () -> [String], key: String,
                                                           at location: @autoclosure () -> SourceLocation, log: DiagnosticLog) -> E?
    where E.RawValue == String {
        if let value = E(rawValue: raw) { return value }
        let options = listed()
        let close = suggestion(for: raw, among: options).map { "did you mean '\($0)'? " } ?? ""
        log.error(location(), "'\(raw.prefix(40))' is not a valid value for '\(key)'",
                  hint: close + "valid values: " + options.joined(separator: ", "))
        return nil
    }

    // MARK: Lists

    /// The items of a list. A single value where a list is expected is refused
    /// with the fix, since `parties: fk` usually means the rest was forgotten.
    /// (`example`, here as everywhere in this reader, is worded only when it
    /// is reported: a reference list's example names known ids, and writing
    /// it for every list of every record was 1.5 % of a build.)
    func list(_ key: String, required: Bool = false, example: @autoclosure () -> String = "[a, b]") -> [YAMLNode]? {
        guard let node = node(key) else {
            if required { missing(key, example: example()) }
            return nil
        }
        guard case .sequence(let sequence, _) = node else {
            let hint: String
            if case .scalar(let scalar) = node { hint = "write a list, even for one value: \(key): [\(scalar.string)]" } else {
                hint = "write a list such as \(key): \(example())"
            }
            log.error(location(of: key), "'\(key)' must be a list, but this is \(MappingReader.describe(node))", hint: hint)
            return nil
        }
        return Array(sequence)
    }

    /// A list of words (ids or vocabulary values) with the location of each.
    func words(_ key: String, required: Bool = false, example: @autoclosure () -> String = "[a, b]") -> [(String, SourceLocation)] {
        guard let items = list(key, required: required, example: example()) else { return [] }
        var result: [(String, SourceLocation)] = []
        for item in items {
            let here = MappingReader.location(of: item, in: file)
            guard case .scalar(let scalar) = item, !MappingReader.isNull(item) else {
                log.error(here, "each item of '\(key)' must be a single word, but this is \(MappingReader.describe(item))")
                continue
            }
            result.append((scalar.string.trimmingWhitespace, here))
        }
        return result
    }

    /// A list of references to known ids (organisations, subprojects). Unknown
    /// ids are errors that list the known ones; repeats are warnings.
    func references(_ key: String, to known: KnownIDs, required: Bool = false) -> [String] {
        var result: [String] = []
        for (id, here) in words(key, required: required, example: "[\(known.ids.prefix(2).joined(separator: ", "))]") {
            guard known.check(id, at: here, key: key, log: log) else { continue }
            if result.contains(id) {
                log.warning(here, "'\(id)' is listed twice in '\(key)'", hint: "remove the repeated entry; it counts once")
                continue
            }
            result.append(id)
        }
        return result
    }

    /// A list of values from a fixed vocabulary; repeats are dropped with a warning.
    func choices<E: RawRepresentable & CaseIterable & Equatable>(_ key: String, required: Bool = false) -> [E]
    where E.RawValue == String {
        func options() -> [String] { E.allCases.map(\.rawValue) }
        var result: [E] = []
        for (raw, here) in words(key, required: required, example: "[\(options()[0])]") {
            guard let value: E = MappingReader.match(raw, options: options(), key: key, at: here, log: log) else { continue }
            if result.contains(value) {
                log.warning(here, "'\(raw)' is listed twice in '\(key)'", hint: "remove the repeated entry")
                continue
            }
            result.append(value)
        }
        return result
    }
}

/// The ids of one kind that exist (organisations, subprojects, questions),
/// for checking references with a helpful list of the valid ones. A class:
/// every record's reader passes its project's ids on, and as a struct each
/// pass copied a word and five tables, each retained and released again
/// (114 000 copies per 10 000 records: docs/performance.md, change 118).
final class KnownIDs: Sendable {
    let kind: String
    private let places: IDPlaces
    var ids: [String] { places.ids }

    init(kind: String, ids: [String]) {
        self.kind = kind
        self.places = IDPlaces(ids)
    }

    /// Where `id` stands in `ids` (its first place); nil when it is not there.
    func place(of id: String) -> Int? { places.place(of: id) }

    func contains(_ id: String) -> Bool { place(of: id) != nil }

    /// Where `id` stands and the string a record keeps for it (`IDPlaces.known`).
    func known(_ id: String) -> (place: Int, id: String)? { places.known(id) }

    @discardableResult
    func check(_ id: String, at location: SourceLocation, key: String, log: DiagnosticLog) -> Bool {
        if contains(id) { return true }
        let close = suggestion(for: id, among: ids).map { "did you mean '\($0)'? " } ?? ""
        let hint = ids.isEmpty ? "config/site.yaml defines no \(kind)s" : close + "known \(kind)s: " + listForHint(ids)
        let article = "aeiou".contains(kind.prefix(1)) ? "an" : "a"
        log.error(location, "'\(id.prefix(64))' in '\(key)' is not \(article) \(kind) defined in config/site.yaml", hint: hint)
        return false
    }
}

/// Values met so far, compared one by one while they are few — an activity
/// names a few organisations, and hashing each cost more than comparing it
/// with the others — and hashed past sixteen, so that a hostile file of
/// thousands of entries still costs linear time.
struct SeenValues<Value: Hashable> {
    private var few: [Value] = []
    private var many: Set<Value>?

    func contains(_ value: Value) -> Bool {
        many?.contains(value) ?? few.contains(value)
    }

    /// True when `value` had not been met before.
    mutating func insert(_ value: Value) -> Bool {
        if many != nil { return many!.insert(value).inserted }
        if few.contains(value) { return false }
        few.append(value)
        if few.count > 16 { many = Set(few) }
        return true
    }
}

extension String {
    var trimmingWhitespace: String {
        // Nearly every value begins and ends with a visible ASCII character:
        // then there is nothing to trim, and no Unicode look-up or copy to make.
        if let first = utf8.first, let last = utf8.last, Self.isVisibleASCII(first), Self.isVisibleASCII(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// ASCII, and not a space or a control character (no ASCII whitespace is above the space).
    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}
