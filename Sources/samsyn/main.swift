import ArgumentParser
import Foundation
import SamsynCore

// Usage errors exit with 2 (the convention the README documents), not
// ArgumentParser's default 64; everything else is left to the parser.
do {
    var command = try SamsynCommand.parseAsRoot()
    try command.run()
} catch {
    let code = SamsynCommand.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((SamsynCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    SamsynCommand.exit(withError: error)
}
