/// A failure reading a live catalog, naming the step that failed. Its text never contains a password.
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The step that failed, in the order they run.
    public enum Step: String, Hashable, Sendable {
        case parseConnectionString = "parse connection string"
        case connect
        case authenticate
        case openDatabase = "open database"
        case beginTransaction = "begin read-only transaction"
        case query
    }

    /// Why the step failed, when it is one of the causes a user can act on directly.
    public enum Reason: String, Hashable, Sendable {
        case malformedConnectionString = "malformed connection string"
        case connectionRefused = "connection refused"
        case unknownHost = "unknown host"
        case authenticationFailed = "authentication failed"
        case databaseMissing = "database does not exist"
        case insufficientPrivilege = "insufficient privilege"
        case statementTimeout = "statement timeout"
        case timeout = "timed out"
        case other = "error"
    }

    public var step: Step
    public var reason: Reason
    /// The server's or libpq's message, with any password replaced by `***`.
    public var detail: String
    /// The connection target with no password (`postgres@127.0.0.1:5432/app`), when known.
    public var target: String?
    /// For `.query`: which catalog query failed (`columns`, `policies`, ...).
    public var queryName: String?

    public init(step: Step, reason: Reason, detail: String, target: String? = nil, queryName: String? = nil) {
        self.step = step
        self.reason = reason
        self.detail = detail
        self.target = target
        self.queryName = queryName
    }

    /// One line: `database: connect to postgres@127.0.0.1:5432/app failed: connection refused (...)`.
    public var description: String {
        var stepText = step.rawValue
        if let queryName { stepText += " '\(queryName)'" }
        if let target { stepText += " (\(target))" }
        let detailText = detail.isEmpty ? "" : ": " + detail
        return "database: \(stepText) failed: \(reason.rawValue)\(detailText)"
    }

    /// Classifies a libpq connection failure message and SQLSTATE into a step and reason.
    public static func classifyConnectionFailure(message: String, sqlState: String?) -> (Step, Reason) {
        let text = message.lowercased()
        if sqlState == "28P01" || sqlState == "28000" || text.contains("password authentication failed")
            || text.contains("no password supplied") || text.contains("authentication failed")
        {
            return (.authenticate, .authenticationFailed)
        }
        if sqlState == "3D000" || (text.contains("database") && text.contains("does not exist")) {
            return (.openDatabase, .databaseMissing)
        }
        if sqlState == "42501" || text.contains("permission denied") {
            return (.openDatabase, .insufficientPrivilege)
        }
        if text.contains("could not translate host name") || text.contains("name or service not known")
            || text.contains("nodename nor servname")
        {
            return (.connect, .unknownHost)
        }
        if text.contains("connection refused") || text.contains("no such file or directory") {
            return (.connect, .connectionRefused)
        }
        if text.contains("timeout expired") || text.contains("timed out") {
            return (.connect, .timeout)
        }
        if text.contains("invalid connection option") || text.contains("missing \"=\"")
            || text.contains("invalid uri") || text.contains("invalid percent-encoded")
            || text.contains("invalid integer value") || text.contains("unterminated quoted string")
            || text.contains("invalid port")
        {
            return (.parseConnectionString, .malformedConnectionString)
        }
        return (.connect, .other)
    }

    /// Classifies a failed query by SQLSTATE.
    public static func classifyQueryFailure(sqlState: String?) -> Reason {
        switch sqlState {
        case "57014": return .statementTimeout
        case "42501": return .insufficientPrivilege
        default: return .other
        }
    }
}
