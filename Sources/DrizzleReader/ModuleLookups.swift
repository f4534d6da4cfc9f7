/// Lookups in a module's syntax and imports that read the module where it is stored.
///
/// `modules[module].syntax.bindings[name]` copied the whole ``DrizzleEvaluator/Module`` (its file,
/// syntax and imports, a retain each) and destroyed the copy again, on every name looked up across
/// modules; reading through the array's buffer borrows it instead.
extension DrizzleEvaluator {
    /// The top-level binding `name` of `module`.
    func topLevelBinding(_ module: Int, _ name: String) -> TSBinding? {
        precondition(module >= 0 && module < modules.count, "module index out of range")
        return modules.withUnsafeBufferPointer { $0[module].syntax.bindings[name] }
    }

    /// The export `name` of `module`.
    func exportEntry(_ module: Int, _ name: String) -> TSExport? {
        precondition(module >= 0 && module < modules.count, "module index out of range")
        return modules.withUnsafeBufferPointer { $0[module].syntax.exports[name] }
    }

    /// The module the import specifier `specifier` of `module` resolves to.
    func resolvedModule(_ module: Int, _ specifier: String) -> Int? {
        precondition(module >= 0 && module < modules.count, "module index out of range")
        return modules.withUnsafeBufferPointer { $0[module].resolved[specifier] }
    }
}
