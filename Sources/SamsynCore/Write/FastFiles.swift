import Foundation

/// Writing and removing many files with plain POSIX calls. A site of the
/// national picture has 100 000 pages; Foundation's per-file overhead
/// (a directory check per file, attribute look-ups) cost about 1 ms a file.
enum FastFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes every file below `root`, creating each folder once. The files
    /// are spread over the cores; which thread writes a file changes nothing
    /// in the result. A file whose bytes are exactly those of the same path in
    /// `previous` (the site being replaced) is hard-linked instead of written:
    /// after an edit most pages are unchanged, and a link costs no new inode
    /// now and no freed one when the old site is removed.
    static func write(_ content: SiteContent, into root: String, previous: String? = nil) throws {
        var folders = Set<String>()
        for path in content.paths {
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                guard folders.insert(folder).inserted else { break }
            }
        }
        // Parents before children: shorter paths first.
        for folder in folders.sorted(by: { $0.utf8.count < $1.utf8.count }) {
            if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw Failure(description: "cannot create \(folder): \(String(cString: strerror(errno)))")
            }
        }
        let failures = FailureBox()
        let count = content.paths.count
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                // Each file is produced, written and dropped: memory stays flat however large the site.
                let path = content.paths[index]
                let bytes = content.bytes(index)
                let target = root + "/" + path
                if let previous, sameBytes(previous + "/" + path, bytes), link(previous + "/" + path, target) == 0 {
                    index += workers
                    continue
                }
                if let problem = writeFile(target, bytes) { failures.add("\(path): \(problem)") }
                index += workers
            }
        }
        if let first = failures.first { throw Failure(description: "cannot write \(first)") }
    }

    /// Whether the regular file at `path` holds exactly `bytes` (links are not followed).
    private static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var total = 0
        while total < bytes.count {
            let n = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, bytes.count - total) }
            if n <= 0 { return false }
            total += n
        }
        return existing == bytes
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { return String(cString: strerror(errno)) }
            offset += written
        }
        return nil
    }

    /// The names in a folder (not "." and "..").
    static func names(in path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Every file below `root` (relative, "/"-separated); links are listed, not followed.
    static func listFiles(_ root: String) -> [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            for name in names(in: relative.isEmpty ? root : root + "/" + relative) ?? [] {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR { walk(path) } else { result.append(path) }
            }
        }
        walk("")
        return result
    }

    /// Removes a folder and everything in it, without following links. The
    /// top-level entries named in `last` go last: a removal that is killed
    /// half-way leaves them, so the folder can still be recognised as Samsyn's.
    static func removeTree(_ path: String, last: Set<String> = []) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard let names = names(in: path) else { throw Failure(description: "cannot open \(path)") }
            for name in names where !last.contains(name) { try removeTree(path + "/" + name) }
            for name in names where last.contains(name) { try removeTree(path + "/" + name) }
            guard rmdir(path) == 0 else { throw Failure(description: "cannot remove \(path): \(String(cString: strerror(errno)))") }
        } else if unlink(path) != 0 {
            throw Failure(description: "cannot remove \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Collects failures from the writing threads.
    private final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []

        func add(_ message: String) {
            lock.lock()
            messages.append(message)
            lock.unlock()
        }

        var first: String? {
            lock.lock()
            defer { lock.unlock() }
            return messages.sorted().first
        }
    }
}
