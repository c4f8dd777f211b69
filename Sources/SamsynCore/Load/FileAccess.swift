import Foundation

/// How the loader reaches files. It is injected as a value so that tests run
/// on in-memory projects and need no disk; `DiskFiles` is the real one.
public protocol FileAccess: Sendable {
    /// Every regular file below `folder` (relative to the project root, "/"-separated),
    /// skipping names that start with "." or "_". Nil when the folder does not exist.
    func files(under folder: String) -> [FileEntry]?
    /// The same listing; `stamped: false` allows entries without a stamp,
    /// when nothing will compare them (a one-shot build: no cache).
    func files(under folder: String, stamped: Bool) -> [FileEntry]?
    /// Whether the relative path names an existing regular file.
    func fileExists(_ path: String) -> Bool
    /// The bytes of a file listed by `files(under:)` or checked by `fileExists`.
    /// A file over `Loader.maxFileBytes` throws `FileAccessError.tooLarge`,
    /// without being read where its size is known first.
    func read(_ path: String) throws -> [UInt8]
    /// `read`, with the stamp of the file as it was read, when the file
    /// system gives one (a look at the open file, not at its path again).
    func readStamped(_ path: String) throws -> (bytes: [UInt8], stamp: FileStamp?)
    /// What identifies this version of a file without reading it (size,
    /// times, inode); nil when the file system cannot say.
    func stamp(of path: String) -> FileStamp?
    /// What `files(under:)` would list now, made from an earlier listing of
    /// the folder and the paths that changed since (`samsyn serve` hears them
    /// from the kernel): only those are looked at. Nil when that cannot be
    /// done safely; the folder is then listed afresh.
    func files(under folder: String, updating previous: [FileEntry], changed: Set<String>) -> [FileEntry]?
}

extension FileAccess {
    public func files(under folder: String, stamped: Bool) -> [FileEntry]? { files(under: folder) }
    public func readStamped(_ path: String) throws -> (bytes: [UInt8], stamp: FileStamp?) { (try read(path), nil) }
    public func stamp(of path: String) -> FileStamp? { nil }
    public func files(under folder: String, updating previous: [FileEntry], changed: Set<String>) -> [FileEntry]? { nil }
}

/// What changed in the project since the last build with the same cache:
/// `unknown` (list everything) or exactly these paths, relative to the root.
/// `only` also promises that no file is reached through a symbolic link: a
/// link's target changes under another path than the link's.
public enum ChangedPaths: Sendable, Equatable {
    case unknown
    case only(Set<String>)
}

/// One changed path, as the file system sees it now.
enum ListedNow {
    /// A file that a fresh listing would hold, as it would hold it.
    case file(FileEntry)
    /// Gone, or skipped by name: a fresh listing would not hold it.
    case absent
    /// A folder or a link: what it holds is not known from this path alone.
    case unsure
}

/// Updates a listing by the paths that changed; shared by every `FileAccess`
/// so that there is one rule for what an update may do.
enum ListingUpdate {
    static func apply(_ previous: [FileEntry], under folder: String, changed: Set<String>,
                      look: (String) -> ListedNow) -> [FileEntry]? {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var entries = previous
        for path in changed.sorted(by: byteOrder) where path.hasPrefix(prefix) {
            let skipped = path.dropFirst(prefix.count).split(separator: "/").contains { isSkippedName($0) }
            let now = skipped ? .absent : look(path)
            let at = insertionIndex(of: path, in: entries)
            let listed = at < entries.count && entries[at].path == path
            switch now {
            case .unsure: return nil
            case .absent: if listed { entries.remove(at: at) }
            case .file(let entry): if listed { entries[at] = entry } else { entries.insert(entry, at: at) }
            }
        }
        return entries
    }

    /// Where `path` is, or would go, in a listing sorted in byte order.
    static func insertionIndex(of path: String, in entries: [FileEntry]) -> Int {
        bisect(entries, 0..<entries.count) { byteOrder($0.path, path) }
    }
}

/// The first index in `range` where `before` no longer holds, for a
/// `before` that holds for a prefix of the range (a sorted array's search).
func bisect<T>(_ items: [T], _ range: Range<Int>, _ before: (T) -> Bool) -> Int {
    var low = range.lowerBound, high = range.upperBound
    while low < high {
        let middle = (low + high) / 2
        if before(items[middle]) { low = middle + 1 } else { high = middle }
    }
    return low
}

/// A file's size, modification and change times (nanoseconds) and inode:
/// any write or replacement changes at least one of them, as git's index
/// relies on too.
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    init(_ info: stat) {
        self.init(size: Int64(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                  inode: UInt64(info.st_ino))
    }
}

public struct FileEntry: Hashable, Sendable {
    /// Relative to the project root, "/"-separated.
    public var path: String
    /// Set when the entry is a symbolic link that leads outside the project root:
    /// such a file is reported, never read.
    public var linksOutsideRoot: Bool
    /// The file's stamp as the listing saw it, when the file system gives one.
    public var stamp: FileStamp?

    public init(path: String, linksOutsideRoot: Bool = false, stamp: FileStamp? = nil) {
        self.path = path
        self.linksOutsideRoot = linksOutsideRoot
        self.stamp = stamp
    }
}

public enum FileAccessError: Error, Sendable, Equatable {
    /// A symbolic link that resolves outside the project root.
    case linksOutsideRoot
    case missing
    /// Over `Loader.maxFileBytes`; the size in bytes.
    case tooLarge(Int)
}

/// An in-memory project for tests: relative path → file contents.
public struct MemoryFiles: FileAccess {
    public var contents: [String: [UInt8]]

    public init(_ files: [String: String]) {
        contents = files.mapValues { Array($0.utf8) }
    }

    public init(bytes: [String: [UInt8]]) {
        contents = bytes
    }

    public func files(under folder: String) -> [FileEntry]? {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let paths = contents.keys.filter { path in
            guard path.hasPrefix(prefix) else { return false }
            return !path.dropFirst(prefix.count).split(separator: "/").contains { isSkippedName($0) }
        }
        if paths.isEmpty && !contents.keys.contains(where: { $0.hasPrefix(prefix) }) { return nil }
        return paths.sorted(by: byteOrder).map { FileEntry(path: $0) }
    }

    public func files(under folder: String, updating previous: [FileEntry], changed: Set<String>) -> [FileEntry]? {
        ListingUpdate.apply(previous, under: folder, changed: changed) { contents[$0] == nil ? .absent : .file(FileEntry(path: $0)) }
    }

    public func fileExists(_ path: String) -> Bool { contents[path] != nil }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = contents[path] else { throw FileAccessError.missing }
        guard bytes.count <= Loader.maxFileBytes else { throw FileAccessError.tooLarge(bytes.count) }
        return bytes
    }
}

/// Files and folders whose name starts with "." or "_" are skipped (data-format contract).
func isSkippedName<S: StringProtocol>(_ name: S) -> Bool {
    name.hasPrefix(".") || name.hasPrefix("_")
}

/// Whether two short strings (keys, ids) are the same. Most pairs compared
/// differ, and most differ in length, which is known without reading them.
func sameKey(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a == b
}

/// Byte order, the one sort order the contract uses everywhere. Compared
/// with memcmp on the strings' own UTF-8 storage: the generic sequence
/// comparison was a third of listing 10 000 files.
func byteOrder(_ a: String, _ b: String) -> Bool {
    let fast = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y -> Bool in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
    if let fast, let result = fast { return result }
    return a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// The places of `count` strings in byte order: `places[k]` is the index of
/// the k-th in order. The strings' bytes are laid end to end in one buffer
/// and compared there with memcmp: sorting with `byteOrder` spent most of
/// its time reaching each string's bytes (some 2 300 instructions a file to
/// sort a folder of 10 000, on the listing's and the site's paths).
/// With `rank`, places are ordered by their rank first and by the string
/// only among equal ranks (activities by date, then id): the ranks are read
/// once into an array, where comparing records read each record's box, cold
/// in memory at national scale, twice a comparison. Equal places keep their
/// order (the sort is stable).
func byteOrderPlaces(count: Int, rankedBy rank: ((Int) -> Int)? = nil, _ string: (Int) -> String) -> [Int] {
    var bytes: [UInt8] = []
    var spans: [(start: Int, count: Int)] = []
    spans.reserveCapacity(count)
    for index in 0..<count {
        var text = string(index)
        text.withUTF8 { utf8 in
            spans.append((bytes.count, utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
    let ranks = rank.map { (0..<count).map($0) } ?? []
    var places = Array(0..<count)
    bytes.withUnsafeBufferPointer { all in
        spans.withUnsafeBufferPointer { spans in
            ranks.withUnsafeBufferPointer { ranks in
                // Nil only when every string is empty: then no bytes are compared.
                let base = all.baseAddress
                places.sort { a, b in
                    if !ranks.isEmpty, ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
                    let (x, y) = (spans[a], spans[b])
                    let common = min(x.count, y.count)
                    let order = common == 0 ? 0 : memcmp(base! + x.start, base! + y.start, common)
                    return order != 0 ? order < 0 : x.count < y.count
                }
            }
        }
    }
    return places
}

/// A "/"-separated path cut at its last slash: its folder ("" when it has
/// none) and its name. The slash is looked for in the contiguous UTF-8
/// bytes: walking a String back, by characters or through its UTF-8 view,
/// cost thousands of instructions a path.
func folderAndName(_ path: String) -> (folder: String, name: String) {
    var path = path
    return path.withUTF8 { bytes in
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return ("", String(decoding: bytes, as: UTF8.self)) }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]), as: UTF8.self))
    }
}

/// Whether `text` begins with `prefix`, or ends with `suffix`, byte for byte.
/// String's own `hasPrefix` and `hasSuffix` compare characters (Unicode
/// rules for every call), which cost milliseconds over the paths of a
/// national project on every build and every save; a path is bytes.
func hasBytes(_ text: String, prefix: String = "", suffix: String = "") -> Bool {
    var text = text, prefix = prefix, suffix = suffix
    return text.withUTF8 { bytes in
        prefix.withUTF8 { start in
            suffix.withUTF8 { end in
                guard bytes.count >= start.count, bytes.count >= end.count else { return false }
                return (start.isEmpty || memcmp(bytes.baseAddress!, start.baseAddress!, start.count) == 0)
                    && (end.isEmpty || memcmp(bytes.baseAddress! + bytes.count - end.count, end.baseAddress!, end.count) == 0)
            }
        }
    }
}
