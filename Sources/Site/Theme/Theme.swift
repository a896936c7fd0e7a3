import DocTree
import Foundation
import Mustache

/// Page templates plus static assets. The built-in theme is always there;
/// a project's template directory overrides it file by file.
public struct Theme: Sendable {
    /// Template sources by name (file name without `.mustache`).
    public private(set) var templates: [String: String] = [:]
    /// Files copied to `_static/`, by path relative to `static/`.
    public private(set) var staticFiles: [String: Data] = [:]
    /// Templates that a project's template directory replaced.
    public private(set) var overridden: Set<String> = []

    public static var builtIn: Theme {
        var theme = Theme()
        for (path, text) in DefaultTheme.files {
            theme.add(path: path, data: Data(text.utf8))
        }
        return theme
    }

    mutating func add(path: String, data: Data) {
        if path.hasPrefix("static/") {
            staticFiles[String(path.dropFirst("static/".count))] = data
        } else if path.hasSuffix(".mustache"), !path.contains("/") {
            templates[String(path.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
    }

    /// The built-in theme with every file of `directory` laid over it.
    public static func load(overridesFrom directory: String?) throws -> Theme {
        var theme = Theme.builtIn
        guard let directory else { return theme }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ThemeError.missingDirectory(directory)
        }
        let base = URL(fileURLWithPath: directory)
        for relative in try FileTree.files(under: base) {
            let data = try Data(contentsOf: base.appendingPathComponent(relative))
            theme.add(path: relative, data: data)
            if relative.hasSuffix(".mustache"), !relative.contains("/") {
                theme.overridden.insert(String(relative.dropLast(".mustache".count)))
            }
        }
        return theme
    }

    /// Compiles the templates; a syntax error names the template.
    func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in templates.keys.sorted() {
            do {
                try library.register(templates[name]!, named: name)
            } catch {
                throw ThemeError.invalidTemplate(name, "\(error)")
            }
        }
        guard library.getTemplate(named: "layout") != nil else { throw ThemeError.missingLayout }
        return library
    }
}

public enum ThemeError: Error, CustomStringConvertible {
    case missingDirectory(String)
    case invalidTemplate(String, String)
    case missingLayout

    public var description: String {
        switch self {
        case .missingDirectory(let path): return "template directory '\(path)' does not exist"
        case .invalidTemplate(let name, let error): return "template '\(name).mustache' is not valid Mustache: \(error)"
        case .missingLayout: return "the theme has no layout.mustache"
        }
    }
}
