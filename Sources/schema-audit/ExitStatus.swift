import ArgumentParser
import Foundation

/// Exit codes, decided in one place.
enum ExitStatus {
    /// Nothing at or above the failure threshold.
    static let clean = ExitCode(0)
    /// Drift found at or above the failure threshold.
    static let drift = ExitCode(1)
    /// An input, configuration, parse or database error.
    static let inputError = ExitCode(2)
    /// A usage error (unknown option, missing argument); swift-argument-parser's own code.
    static let usage = ExitCode.validationFailure

    static let helpText = """
        EXIT CODES:
          0   success; for compare: no finding at or above --fail-on
          1   drift found at or above --fail-on (compare)
          2   input, configuration, parse or database error: bad URL,
              refused connection, unknown host, failed authentication,
              missing database or file, statement timeout, no privilege
          64  usage error: unknown option, missing or invalid argument

        Passwords in connection strings are never printed (shown as ***).
        """

    /// Prints `schema-audit: error: message` to standard error.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("schema-audit: error: \(message)\n".utf8))
    }

    /// Prints a line to standard error.
    static func printWarning(_ line: String) {
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}
