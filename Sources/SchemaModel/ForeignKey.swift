/// A `FOREIGN KEY ... REFERENCES` constraint.
public struct ForeignKey: Hashable, Codable, Sendable {
    /// `ON DELETE` / `ON UPDATE` actions.
    public enum Action: String, Hashable, Codable, Sendable, CaseIterable {
        case noAction = "no action"
        case restrict
        case cascade
        case setNull = "set null"
        case setDefault = "set default"

        /// Parses `cascade`, `SET NULL`, `set_null`, `no action`, ... (case and separator insensitive).
        public init?(spelling: String) {
            let folded = spelling.lowercased()
                .split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
                .joined(separator: " ")
            guard let action = Action(rawValue: folded) else { return nil }
            self = action
        }
    }

    public var name: String?
    public var columns: [String]
    public var referencedTable: QualifiedName
    public var referencedColumns: [String]
    public var onDelete: Action
    public var onUpdate: Action
    public var isDeferrable: Bool
    public var initiallyDeferred: Bool
    public var provenance: Provenance

    public init(
        name: String? = nil, columns: [String], referencedTable: QualifiedName,
        referencedColumns: [String], onDelete: Action = .noAction, onUpdate: Action = .noAction,
        isDeferrable: Bool = false, initiallyDeferred: Bool = false, provenance: Provenance
    ) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.isDeferrable = isDeferrable
        self.initiallyDeferred = initiallyDeferred
        self.provenance = provenance
    }

    var sortKey: String {
        (name ?? "") + "\u{1}" + columns.joined(separator: ",") + "\u{1}" + referencedTable.description
    }
}
