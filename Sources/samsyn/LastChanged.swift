import Foundation
import SamsynCore

/// When the project's data last changed: the date of the last commit touching
/// config/ or content/ when the project is a git checkout, otherwise the
/// newest modification time of those files (hidden ones left out; `build`
/// takes it from the files it read). Read here, in the command, so
/// that everything below stays free of clocks and processes.
enum LastChanged {
    static func find(root: URL) -> Day? {
        fromGit(root) ?? fromFileTimes(root)
    }

    static func fromGit(_ root: URL) -> Day? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "log", "-1", "--format=%cs", "--", "config", "content"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Day(iso: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The newest modification time under config/ and content/.
    static func fromFileTimes(_ root: URL) -> Day? {
        guard let newest = DiskFiles(root: root).newestModification(in: ["config", "content"]) else { return nil }
        return day(secondsSince1970: Int64(newest))
    }

    /// The local day of a file time in nanoseconds since 1970, as a build's
    /// load step saw it on the files it read (`samsyn build` outside git:
    /// no second look at every file).
    static func day(_ nanoseconds: Int64) -> Day? {
        day(secondsSince1970: nanoseconds / 1_000_000_000)
    }

    private static func day(secondsSince1970 seconds: Int64) -> Day? {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

/// A value computed on a thread of its own from the moment it is created;
/// `value` waits for it.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        Thread { [self] in
            result = work()
            done.signal()
        }.start()
    }

    var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
