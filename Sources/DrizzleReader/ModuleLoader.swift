import SchemaModel
import SourceScanning

/// Finds the input files, parses them, and follows relative imports and re-exports to more files.
struct ModuleLoader {
    let files: SourceFileProvider
    let evaluator: DrizzleEvaluator
    private var byPath: [String: Int] = [:]
    private var queue: [Int] = []
    /// Files of a directory input, read and parsed in parallel before they are loaded in order.
    private var preloaded: [String: ParsedFile] = [:]

    init(files: SourceFileProvider, evaluator: DrizzleEvaluator) {
        self.files = files
        self.evaluator = evaluator
    }

    /// Whether a file found in a directory is a schema source (not a declaration, test or dependency).
    static func isSchemaSource(_ path: String) -> Bool {
        if let fast = FastPath.isSchemaSource(path) { return fast }
        guard DrizzleReader.extensions.contains(SourcePath.fileExtension(path)) else { return false }
        let segments = path.split(separator: "/")
        if segments.contains("node_modules") || segments.contains("__tests__") { return false }
        let name = segments.last.map(String.init) ?? path
        for suffix in [".d.ts", ".test.ts", ".spec.ts", ".test.tsx", ".spec.tsx", ".d.mts"] where name.hasSuffix(suffix) {
            return false
        }
        return true
    }

    mutating func addInput(_ path: String) {
        if files.isDirectory(path) {
            let found = (files.files(under: path) ?? []).filter(ModuleLoader.isSchemaSource)
            if found.isEmpty {
                evaluator.log.error("no TypeScript files under '\(path)'", at: nil)
            }
            for (file, parsed) in zip(found, ParallelParser.parse(found, files: files)) where parsed != nil {
                preloaded[file] = parsed
            }
            for file in found { _ = load(file) }
            preloaded.removeAll()
            return
        }
        guard files.contents(of: path) != nil else {
            evaluator.log.error("cannot read '\(path)': no such file or directory", at: nil)
            return
        }
        guard DrizzleReader.extensions.contains(FastPath.fileExtension(path)) else {
            evaluator.log.error("'\(path)' is not a TypeScript file (expected .ts, .tsx or .mts)", at: nil)
            return
        }
        _ = load(path)
    }

    /// Parses a file once; returns its module index.
    mutating func load(_ path: String) -> Int? {
        let key = FastPath.normalize(path)
        if let known = byPath[key] { return known }
        let parsed = preloaded.removeValue(forKey: path)
        guard let bytes = parsed?.bytes ?? files.contents(of: path) else { return nil }
        let file = parsed?.file ?? SourceFile(path: path, bytes: bytes)
        if bytes.prefix(4096).contains(0) {
            evaluator.log.error("'\(path)' is not a text file", at: nil)
            return nil
        }
        let syntax = parsed?.syntax ?? TSParser.parse(bytes)
        for problem in syntax.problems {
            let location = file.location(at: problem.offset)
            if problem.isError { evaluator.log.error(problem.message, at: location) } else { evaluator.log.warning(problem.message, at: location) }
        }
        let index = evaluator.add(DrizzleEvaluator.Module(path: path, file: file, syntax: syntax))
        byPath[key] = index
        queue.append(index)
        return index
    }

    /// Resolves every relative import of every loaded module, loading the files it names.
    mutating func loadImports() {
        var next = 0
        while next < queue.count {
            let index = queue[next]
            next += 1
            let path = evaluator.modules[index].path
            let specifiers = evaluator.modules[index].syntax.specifiers
            var directory: String?
            for (specifier, offset) in specifiers where specifier.hasPrefix(".") {
                if evaluator.modules[index].resolved[specifier] != nil { continue }
                if directory == nil { directory = FastPath.directory(of: path) }
                let base = FastPath.join(directory!, specifier)
                if let target = resolve(base) {
                    evaluator.modules[index].resolved[specifier] = target
                } else {
                    evaluator.log.warning("cannot find imported file '\(specifier)'", at: evaluator.modules[index].file.location(at: offset))
                }
            }
        }
        queue.removeAll()
    }

    /// The module the first existing candidate file of an import names, loading it if needed.
    ///
    /// Candidates are built one at a time, in ``candidates(_:)`` order, since the first usually
    /// matches. One that is already loaded is known to be a readable file, so it is taken without
    /// reading it again; the others are checked on the file system, as before.
    mutating func resolve(_ base: String) -> Int? {
        let stem = ModuleLoader.stem(base)
        var k = DrizzleReader.extensions.contains(FastPath.fileExtension(base)) ? -1 : 0
        while k < ModuleLoader.fileExtensions.count + ModuleLoader.indexExtensions.count {
            let path = k < 0 ? base : ModuleLoader.candidate(stem, k)
            k += 1
            if let known = byPath[path] { return known }
            if files.contents(of: path) != nil && !files.isDirectory(path) { return load(path) }
        }
        return nil
    }

    static let fileExtensions = ["ts", "tsx", "mts", "cts"]
    static let indexExtensions = ["ts", "tsx", "mts"]

    /// The specifier without a JavaScript extension (`./users.js` names `./users.ts`).
    static func stem(_ base: String) -> String {
        var stem = base
        for js in [".js", ".mjs", ".cjs", ".jsx"] where base.hasSuffix(js) {
            stem = String(base.dropLast(js.count))
        }
        return stem
    }

    /// Candidate `k` after the specifier itself: `stem.ts` ... then `stem/index.ts` ...
    static func candidate(_ stem: String, _ k: Int) -> String {
        k < fileExtensions.count ? stem + "." + fileExtensions[k] : stem + "/index." + indexExtensions[k - fileExtensions.count]
    }

    /// The files an import specifier may name, in TypeScript's resolution order.
    func candidates(_ base: String) -> [String] {
        let stem = ModuleLoader.stem(base)
        var list: [String] = []
        if DrizzleReader.extensions.contains(FastPath.fileExtension(base)) { list.append(base) }
        for k in 0..<(ModuleLoader.fileExtensions.count + ModuleLoader.indexExtensions.count) {
            list.append(ModuleLoader.candidate(stem, k))
        }
        return list
    }

    /// The casing the project configures: in a loaded file (`drizzle({ casing })`, a config object), or
    /// in a `drizzle.config.*` next to an input or in a directory above it.
    func detectCasing(paths: [String]) -> DrizzleReader.Casing? {
        for module in evaluator.modules {
            if let casing = module.syntax.casing.flatMap(DrizzleReader.Casing.init(rawValue:)) { return casing }
        }
        var visited: Set<String> = []
        for path in paths {
            var directory = files.isDirectory(path) ? path : SourcePath.directory(of: path)
            for _ in 0..<5 {
                for ext in ["ts", "mts", "js", "mjs", "cjs"] {
                    let config = SourcePath.join(directory, "drizzle.config." + ext)
                    guard visited.insert(config).inserted, let bytes = files.contents(of: config) else { continue }
                    if let casing = TSParser.parse(bytes).casing.flatMap(DrizzleReader.Casing.init(rawValue:)) { return casing }
                }
                if directory == "." || directory == "/" { break }
                directory = directory.hasSuffix("..") ? directory + "/.." : SourcePath.directory(of: directory)
            }
        }
        return nil
    }
}
