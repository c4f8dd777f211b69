import CYAML

/// A place in a YAML file, 1-based. libyaml counts columns in characters
/// (Unicode scalars), which is what an editor's status bar shows.
public struct Mark: Sendable, Equatable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

/// One parsed YAML value with the place it starts. Samsyn reads every
/// scalar's text and style itself (a quoted "6" is not a number), so there
/// is no tag resolution; aliases are already replaced by what they stand for.
public enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], Mark)
    case mapping([Pair], Mark)

    /// One key and its value. A struct rather than a tuple: an array of
    /// tuples is freed element by element through the runtime's generic
    /// tuple code, which was 3 % of `samsyn check` (docs/performance.md, change 80).
    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    public var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(_, let mark), .mapping(_, let mark): return mark
        }
    }

    /// A scalar's text; nil for a list or a mapping.
    public var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }
}

public struct YAMLScalar: Sendable {
    public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    public var string: String
    public var style: Style
    public var mark: Mark

    /// Written without quotes or a block indicator: only such a scalar can be a number, a boolean or null.
    public var isPlain: Bool { style == .plain }
}

/// Why a file could not be composed into one tree.
public enum YAMLError: Error, Sendable {
    /// libyaml's own report (reader, scanner or parser), or a composition
    /// problem worded the same way: the problem, where, and what libyaml was
    /// in the middle of ("while parsing a flow sequence") with where that began.
    case syntax(problem: String, mark: Mark, context: String?, contextMark: Mark?)
    /// libyaml's reader refused a character (a control character YAML does not
    /// allow); it says where as a byte offset into the text.
    case unreadable(problem: String, offset: Int)
    /// The same key twice in one mapping.
    case duplicateKey(String, first: Mark, second: Mark)
    /// An alias (*name) used in a key: keys in Samsyn's files are plain words.
    case aliasInKey(Mark)
    /// With aliases expanded the file would hold more values than the limit.
    case tooManyValues(limit: Int, at: Mark)
    /// Lists or mappings nested deeper than the limit.
    case tooDeep(limit: Int, at: Mark)
    case outOfMemory
}

/// Composes libyaml's event stream into a `YAMLNode` tree.
///
/// Built on the event API rather than on a general YAML library because the
/// tree Samsyn needs is small (text, style and place of each value) and the
/// checks that keep hostile files harmless belong in composition itself:
/// aliases are counted as they are expanded (an alias bomb is stopped at the
/// alias that passes the limit, never materialised), an alias cannot be a key
/// (so no key can stand for a huge tree), duplicate keys are found by comparing
/// plain strings, and nesting is bounded without recursion.
public enum YAMLComposer {
    public static let maxDepth = 1000

    /// The single document in `text`, or nil when the file holds none (it is
    /// empty or only comments). `maxValues` bounds the values of the expanded tree.
    public static func compose(_ text: String, maxValues: Int) throws(YAMLError) -> YAMLNode? {
        try compose(Array(text.utf8), maxValues: maxValues)
    }

    /// The same, from the text's UTF-8 bytes; libyaml refuses bytes that are not UTF-8.
    public static func compose(_ text: [UInt8], maxValues: Int) throws(YAMLError) -> YAMLNode? {
        guard !text.isEmpty else { return nil }  // no document; libyaml wants an address even for no bytes
        // withUnsafeBufferPointer rethrows untyped errors, so the outcome comes back as a Result.
        let outcome = text.withUnsafeBufferPointer { bytes -> Result<YAMLNode?, YAMLError> in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failure(.outOfMemory) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var composer = Composition(maxValues: maxValues)
            do throws(YAMLError) {
                return .success(try composer.run(&parser))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}

/// The state of one composition: the containers still open, innermost last.
private struct Composition: ~Copyable {
    struct Open {
        var isMapping: Bool
        var mark: Mark
        /// Where this container's finished nodes begin in `Composition.items`
        /// (a list's) or `Composition.pairs` (a mapping's).
        var from: Int
        var pendingKey: YAMLNode?
        /// Where this mapping's scalar keys begin in `Composition.keys`.
        var keysFrom: Int
        /// This mapping's scalar keys, hashed, once it has many (see `earlierKey`).
        var keyIndex: [String: Mark]?
        var anchor: String?
        /// The value count when the container opened, to size an anchored container.
        var valuesBefore: Int
        /// Opened as a key, or inside one.
        var inKey: Bool

        var awaitsKey: Bool { isMapping && pendingKey == nil }
    }

    let maxValues: Int
    var open: [Open] = []
    /// The finished nodes of every open list, and the finished pairs of every
    /// open mapping, outermost container's first: one stack each for the
    /// whole file. A container's part is moved out, into an array of its
    /// exact size, when it closes. (Grown node by node, each list and
    /// mapping was reallocated about three times on average: 1.8 % of a
    /// build's instructions.)
    var items = NodeStack<YAMLNode>()
    var pairs = NodeStack<YAMLNode.Pair>()
    /// The scalar keys of every open mapping, outermost first, each mapping's
    /// after its parent's: one list for the whole file, so that checking a
    /// key against the earlier ones reads strings in place instead of
    /// copying each earlier key's node out of its pair.
    var keys: [(text: String, mark: Mark)] = []
    /// Each anchor's node and how many values it stands for.
    var anchors: [String: (node: YAMLNode, values: Int)] = [:]
    /// Values in the expanded tree so far.
    var values = 0
    var root: YAMLNode?

    init(maxValues: Int) {
        self.maxValues = maxValues
        // A record file has a few dozen keys at most; grown from empty, the list was reallocated five times a file.
        keys.reserveCapacity(32)
    }

    /// Whether the next node is a key, or part of one.
    var inKey: Bool { open.last.map { $0.awaitsKey || $0.inKey } ?? false }

    mutating func run(_ parser: inout yaml_parser_t) throws(YAMLError) -> YAMLNode? {
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw Composition.error(of: parser) }
            defer { yaml_event_delete(&event) }
            let mark = Mark(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw .syntax(problem: "but found another document", mark: mark,
                                  context: "expected a single document in the stream", contextMark: Mark(line: 1, column: 1))
                }
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let string = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                try count(1, at: mark)
                let node = YAMLNode.scalar(YAMLScalar(string: string, style: Composition.style(data.style), mark: mark))
                if let anchor = Composition.string(data.anchor) { anchors[anchor] = (node, 1) }
                try attach(node)
            case YAML_ALIAS_EVENT:
                if inKey { throw .aliasInKey(mark) }
                let name = Composition.string(event.data.alias.anchor) ?? ""
                guard let anchored = anchors[name] else {
                    throw .syntax(problem: "found undefined alias", mark: mark, context: nil, contextMark: nil)
                }
                try count(anchored.values, at: mark)
                try attach(anchored.node)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard open.count < YAMLComposer.maxDepth else { throw .tooDeep(limit: YAMLComposer.maxDepth, at: mark) }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = Composition.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                try count(1, at: mark)
                open.append(Open(isMapping: isMapping, mark: mark, from: isMapping ? pairs.count : items.count,
                                 keysFrom: keys.count, anchor: anchor, valuesBefore: values - 1, inKey: inKey))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let done = open.removeLast()
                // One by one from the end: a mapping has a few keys, and
                // `removeSubrange` cost some 400 instructions a call.
                while done.isMapping && keys.count > done.keysFrom { keys.removeLast() }
                let node = done.isMapping ? YAMLNode.mapping(pairs.take(from: done.from), done.mark)
                                          : YAMLNode.sequence(items.take(from: done.from), done.mark)
                if let anchor = done.anchor { anchors[anchor] = (node, values - done.valuesBefore) }
                try attach(node)
            default:
                break // stream start, document end
            }
        }
    }

    private mutating func count(_ added: Int, at mark: Mark) throws(YAMLError) {
        values += added
        if values > maxValues { throw .tooManyValues(limit: maxValues, at: mark) }
    }

    /// A finished node goes into the innermost open container, or becomes the root.
    private mutating func attach(_ node: consuming YAMLNode) throws(YAMLError) {
        guard !open.isEmpty else {
            root = node
            return
        }
        let last = open.count - 1
        if !open[last].isMapping {
            items.push(node)
        } else if let key = open[last].pendingKey.take() {
            pairs.push(YAMLNode.Pair(key: key, value: node))
        } else {
            if case .scalar(let scalar) = node {
                if let first = earlierKey(scalar.string, at: scalar.mark, in: last) {
                    throw .duplicateKey(scalar.string, first: first, second: scalar.mark)
                }
                keys.append((scalar.string, scalar.mark))
            }
            open[last].pendingKey = node
        }
    }

    /// Where an earlier key of the open mapping `index` equal to `key`
    /// stands, if one does. The keys so far are compared one by one while
    /// they are few (a record's mappings have a dozen at most, and hashing
    /// each key cost more than parsing it) and hashed past that: a hostile
    /// mapping may hold tens of thousands of keys.
    private mutating func earlierKey(_ key: String, at mark: Mark, in index: Int) -> Mark? {
        let from = open[index].keysFrom
        if open[index].keyIndex == nil, keys.count - from < 16 {
            return keys.withUnsafeBufferPointer { all in
                for earlier in from..<all.count where sameKey(all[earlier].text, key) { return all[earlier].mark }
                return nil
            }
        }
        if open[index].keyIndex == nil {
            var hashed: [String: Mark] = [:]
            for earlier in keys[from...] { hashed[earlier.text] = earlier.mark }
            open[index].keyIndex = hashed
        }
        return open[index].keyIndex?.updateValue(mark, forKey: key)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func error(of parser: yaml_parser_t) -> YAMLError {
        guard parser.error != YAML_MEMORY_ERROR else { return .outOfMemory }
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            return .unreadable(problem: problem, offset: Int(parser.problem_offset))
        }
        let context = parser.context.map { String(cString: $0) }
        return .syntax(problem: problem, mark: Mark(parser.problem_mark), context: context,
                       contextMark: context == nil ? nil : Mark(parser.context_mark))
    }
}

/// A stack of values in one buffer of its own, from which the values above
/// a place are moved out together into an array of their exact size: no
/// value is copied, so none is retained or released on the way. It cannot
/// be copied itself; what is still on it when it goes is freed with it.
struct NodeStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    mutating func push(_ value: consuming Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        (base + count).initialize(to: value)
        count += 1
    }

    /// The values from place `start` up, in the order they were pushed; the stack then ends at `start`.
    mutating func take(from start: Int) -> [Element] {
        guard count > start else { return [] }
        // Appended one by one, each moved: `Array(unsafeUninitializedCapacity:)`
        // looked up the array's type at run time on every call, which cost
        // more than the appends.
        var values: [Element] = []
        values.reserveCapacity(count - start)
        for place in start..<count { values.append((base + place).move()) }
        count = start
        return values
    }
}
