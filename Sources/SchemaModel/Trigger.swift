/// A trigger on a table (`CREATE TRIGGER`).
public struct Trigger: Hashable, Codable, Sendable {
    public enum Timing: String, Hashable, Codable, Sendable {
        case before, after
        case insteadOf = "instead of"
    }

    public enum Level: String, Hashable, Codable, Sendable {
        case row, statement
    }

    /// One firing event; `UPDATE OF a, b` carries its columns.
    public struct Event: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
        public enum Kind: String, Hashable, Codable, Sendable {
            case insert, update, delete, truncate
        }

        public var kind: Kind
        /// Columns of `UPDATE OF ...`, sorted; empty for any other event.
        public var columns: [String]

        public init(_ kind: Kind, columns: [String] = []) {
            self.kind = kind
            self.columns = columns.sorted()
        }

        public var description: String {
            columns.isEmpty ? kind.rawValue : "\(kind.rawValue) of \(columns.joined(separator: ", "))"
        }

        public static func < (lhs: Event, rhs: Event) -> Bool { lhs.description < rhs.description }
    }

    public var name: String
    public var timing: Timing
    /// Events as a sorted set.
    public var events: [Event]
    public var level: Level
    /// The qualified function the trigger executes, e.g. `public.handle_updated_at`.
    public var function: QualifiedName
    /// Literal arguments passed to the function.
    public var arguments: [String]
    /// The `WHEN (...)` condition.
    public var when: String?
    public var provenance: Provenance

    public init(
        name: String, timing: Timing, events: [Event], level: Level = .row, function: QualifiedName,
        arguments: [String] = [], when: String? = nil, provenance: Provenance
    ) {
        self.name = name
        self.timing = timing
        self.events = Trigger.canonicalEvents(events)
        self.level = level
        self.function = function
        self.arguments = arguments
        self.when = when
        self.provenance = provenance
    }

    /// `events` as a sorted set. One event (the usual `BEFORE UPDATE`) already is one: no hashing,
    /// and no event descriptions built to sort it.
    public static func canonicalEvents(_ events: [Event]) -> [Event] {
        events.count < 2 ? events : Array(Set(events)).sorted()
    }
}
