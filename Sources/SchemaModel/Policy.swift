/// A row-level security policy (`CREATE POLICY`).
public struct Policy: Hashable, Codable, Sendable {
    /// The command a policy applies to (`FOR ALL` when not stated).
    public enum Command: String, Hashable, Codable, Sendable, CaseIterable {
        case all, select, insert, update, delete
    }

    public var name: String
    /// `AS PERMISSIVE` (the default) or `AS RESTRICTIVE`.
    public var isPermissive: Bool
    public var command: Command
    /// Role names, sorted; `["public"]` when the policy names none.
    public var roles: [String]
    /// The `USING (...)` expression.
    public var using: String?
    /// The `WITH CHECK (...)` expression.
    public var withCheck: String?
    public var provenance: Provenance

    public init(
        name: String, isPermissive: Bool = true, command: Command = .all, roles: [String] = [],
        using: String? = nil, withCheck: String? = nil, provenance: Provenance
    ) {
        self.name = name
        self.isPermissive = isPermissive
        self.command = command
        self.roles = Policy.normalizedRoles(roles)
        self.using = using
        self.withCheck = withCheck
        self.provenance = provenance
    }

    /// Roles as a sorted set, with `public` standing for "no roles named".
    public static func normalizedRoles(_ roles: [String]) -> [String] {
        // One role is the common case (`authenticated`, `public`): no set, no sort.
        // The array itself comes back when it is already normal: no allocation for the usual case.
        if roles.count == 1 {
            let role = roles[0]
            return role.utf8.count == 6 && role != "public" && role.lowercased() == "public" ? ["public"] : roles
        }
        let set = Set(roles.map { $0.lowercased() == "public" ? "public" : $0 })
        return set.isEmpty ? ["public"] : set.sorted()
    }

    /// Whether ``roles`` is already what ``normalizedRoles(_:)`` makes of it. For the common single
    /// role this allocates nothing: `normalizedRoles` hands back the same array, which `==` sees at once.
    var hasNormalizedRoles: Bool { roles == Policy.normalizedRoles(roles) }

    func normalized() -> Policy {
        var copy = self
        copy.roles = Policy.normalizedRoles(roles)
        return copy
    }
}
