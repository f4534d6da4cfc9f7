import Testing
@testable import SchemaModel

/// `Table.normalized()` leaves roles `Policy.init` already normalized alone and normalizes roles
/// changed after it, exactly as `Policy.normalizedRoles` does.
@Suite struct PolicyRolesTests {
    @Test(arguments: [
        [["authenticated"]], [["PUBLIC"]], [["Public"], ["anon"]], [["b", "a"]], [["public", "PUBLIC"]], [[]],
        [["a", "b"]], [["a", "a"]], [["publix"]],
    ] as [[[String]]])
    func rolesSetAfterInitAreNormalized(rolesPerPolicy: [[String]]) {
        var table = Table(name: "t", provenance: Provenance(source: .drizzle))
        for (index, roles) in rolesPerPolicy.enumerated() {
            var policy = Policy(name: "p\(index)", provenance: Provenance(source: .drizzle))
            policy.roles = roles
            table.policies.append(policy)
        }
        let normalized = table.normalized()
        #expect(normalized.policies.map(\.roles) == rolesPerPolicy.map(Policy.normalizedRoles))
        #expect(normalized.policies.allSatisfy { $0.hasNormalizedRoles })
    }

    /// The single-role test agrees with the general one on every spelling of `public`.
    @Test(arguments: ["public", "PUBLIC", "Public", "pUbLiC", "publi", "publics", "authenticated", ""])
    func singleRoleTestMatchesNormalizing(role: String) {
        var policy = Policy(name: "p", provenance: Provenance(source: .database))
        policy.roles = [role]
        #expect(policy.hasNormalizedRoles == (policy.roles == Policy.normalizedRoles(policy.roles)))
    }
}
