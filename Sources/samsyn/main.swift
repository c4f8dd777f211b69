import ArgumentParser
import Foundation
import SamsynCore

// Usage errors exit with 2 (the convention the README documents), not
// ArgumentParser's default 64; everything else is left to the parser.
do {
    var command = try SamsynCommand.parseAsRoot()
    if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.runAsynchronously()
    } else {
        try command.run()
    }
} catch {
    let code = SamsynCommand.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((SamsynCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    SamsynCommand.exit(withError: error)
}

extension AsyncParsableCommand {
    /// Calls the async `run()` (at top level the synchronous one would be chosen).
    mutating func runAsynchronously() async throws {
        try await run()
    }
}
