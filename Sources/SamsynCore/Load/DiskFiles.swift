import Foundation

/// The project on disk, below `root`. Symbolic links are followed only when
/// they resolve to a place inside the root, so a link cannot make Samsyn read
/// (and publish) a file from elsewhere on the machine.
public struct DiskFiles: FileAccess {
    public let root: URL
    private let realRoot: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        self.realRoot = DiskFiles.realPath(self.root.path) ?? self.root.path
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func absolute(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    private func isInsideRoot(_ absolutePath: String) -> Bool {
        guard let real = DiskFiles.realPath(absolutePath) else { return false }
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    public func files(under folder: String) -> [FileEntry]? {
        var isDirectory: ObjCBool = false
        let start = absolute(folder)
        guard FileManager.default.fileExists(atPath: start, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        var found: [FileEntry] = []
        walk(relative: folder, into: &found, depth: 0)
        return found.sorted { byteOrder($0.path, $1.path) }
    }

    private func walk(relative: String, into found: inout [FileEntry], depth: Int) {
        // A bound on depth stops a link cycle inside the root from looping forever.
        guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: absolute(relative)) else {
            return
        }
        for name in names.sorted(by: byteOrder) where !isSkippedName(name) {
            let path = relative + "/" + name
            let full = absolute(path)
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            let isLink = (info.st_mode & S_IFMT) == S_IFLNK
            if isLink && !isInsideRoot(full) {
                found.append(FileEntry(path: path, linksOutsideRoot: true))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(relative: path, into: &found, depth: depth + 1)
            } else {
                found.append(FileEntry(path: path))
            }
        }
    }

    public func fileExists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func read(_ path: String) throws -> [UInt8] {
        let full = absolute(path)
        guard isInsideRoot(full) else { throw FileAccessError.linksOutsideRoot }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: full)))
    }

    public func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: absolute(path))[.size] as? NSNumber)?.intValue
    }
}
