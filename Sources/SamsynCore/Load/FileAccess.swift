import Foundation

/// How the loader reaches files. It is injected as a value so that tests run
/// on in-memory projects and need no disk; `DiskFiles` is the real one.
public protocol FileAccess: Sendable {
    /// Every regular file below `folder` (relative to the project root, "/"-separated),
    /// skipping names that start with "." or "_". Nil when the folder does not exist.
    func files(under folder: String) -> [FileEntry]?
    /// Whether the relative path names an existing regular file.
    func fileExists(_ path: String) -> Bool
    /// The bytes of a file listed by `files(under:)` or checked by `fileExists`.
    func read(_ path: String) throws -> [UInt8]
    /// The size in bytes, without reading the file.
    func size(of path: String) -> Int?
    /// What identifies this version of a file without reading it (size,
    /// times, inode); nil when the file system cannot say.
    func stamp(of path: String) -> FileStamp?
}

extension FileAccess {
    public func stamp(of path: String) -> FileStamp? { nil }
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

public enum FileAccessError: Error, Sendable {
    /// A symbolic link that resolves outside the project root.
    case linksOutsideRoot
    case missing
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

    public func fileExists(_ path: String) -> Bool { contents[path] != nil }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = contents[path] else { throw FileAccessError.missing }
        return bytes
    }

    public func size(of path: String) -> Int? { contents[path]?.count }
}

/// Files and folders whose name starts with "." or "_" are skipped (data-format contract).
func isSkippedName<S: StringProtocol>(_ name: S) -> Bool {
    name.hasPrefix(".") || name.hasPrefix("_")
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
