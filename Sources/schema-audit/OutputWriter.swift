import ArgumentParser
import Foundation

/// Writes a command's output to standard output or a file.
enum OutputWriter {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            ExitStatus.printError("cannot write '\(path)': \(error.localizedDescription)")
            throw ExitStatus.inputError
        }
    }
}
