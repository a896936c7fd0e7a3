import DocTree
import Testing
@testable import Autodoc

private func firstError(_ text: String) -> Diagnostic? {
    let (module, diagnostics) = PythonExtractor.extract(source: SourceFile(path: "bad.py", text: text), moduleName: "bad")
    #expect(module == nil || diagnostics.isEmpty)
    return diagnostics.first
}

@Suite struct PythonSyntaxErrorTests {
    @Test(arguments: [
        ("x = 'abc\n", 1, 5, "unterminated string literal"),
        ("x = '''abc\n\n", 1, 5, "unterminated triple-quoted string literal"),
        ("def f(:\n    pass\n", 1, 6, "'(' was never closed"),
        ("x = (1,\n", 1, 5, "'(' was never closed"),
        ("x = [1)\n", 1, 7, "closing parenthesis ')' does not match opening parenthesis '['"),
        ("x = 1)\n", 1, 6, "unmatched ')'"),
        ("if x:\n        a = 1\n    b = 2\n", 3, 5, "unindent does not match any outer indentation level"),
        ("a = 1\n    b = 2\n", 2, 5, "unexpected indent"),
        ("def f():\nreturn 1\n", 2, 1, "expected an indented block after line 1"),
        ("@decorator\nx = 1\n", 1, 1, "a decorator must be followed by 'def' or 'class'"),
        ("x = 1 $ 2\n", 1, 7, "invalid character '$' (U+24)"),
        ("x = 1 \\ 2\n", 1, 7, "unexpected character after line continuation character"),
        ("class :\n    pass\n", 1, 7, "invalid syntax: expected a class name"),
        ("def f() -> :\n    pass\n", 1, 9, "invalid syntax"),
        ("x = f'{a\n", 1, 7, "'{' was never closed"),
        ("def 1(): pass\n", 1, 5, "invalid syntax: expected a function name"),
        ("def f(a, , b): pass\n", 1, 10, "invalid syntax"),
        ("x = 1:\n    pass\n", 1, 6, "invalid syntax"),
        ("print \"hello\"\n", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?"),
        ("x = f(a b)\n", 1, 7, "invalid syntax. Perhaps you forgot a comma?"),
        ("x = 1 2\n", 1, 7, "invalid syntax"),
        ("x = (a) b\n", 1, 9, "invalid syntax"),
        ("exec 'code'\n", 1, 1, "Missing parentheses in call to 'exec'. Did you mean exec(...)?"),
        ("x = 'a' b'b'\n", 1, 9, "cannot mix bytes and nonbytes literals"),
        ("x = = 1\n", 1, 5, "invalid syntax"),
        ("x = 1 +\n", 1, 8, "invalid syntax"),
        ("== 2\n", 1, 1, "invalid syntax"),
        ("import a.\n", 1, 10, "invalid syntax"),
    ])
    func reportsLocation(source: String, line: Int, column: Int, message: String) throws {
        let diagnostic = try #require(firstError(source))
        #expect(diagnostic.id == "autodoc.python.syntax")
        #expect(diagnostic.message == "Python syntax error: " + message)
        #expect(diagnostic.range?.start == SourceLocation(line: line, column: column))
    }

    /// Valid code that sits close to the adjacent-operand rule.
    @Test func softKeywordsAndNumbersAreNotErrors() {
        let valid = """
        match command:
            case "go" | 'stop':
                pass
            case [x, y] if x > 0:
                pass
            case Point(x=0) as p:
                pass
        type Alias[T] = list[T]
        x = 1if y else 2
        z = 0x1f + 0o17 + 0b101 + 1_000.5e-3j + .5
        s = "a" f"b{x}" r"c"
        b = b"a" rb"c"
        match = case = type = 1
        print(match, case, type)
        if x: type Y = int
        from .. import sibling
        from . import *
        def star(*, a=-1, b=~2, **kw) -> None: return a[::-1], a[1:, 2], {**kw}, (y := 5), f(*a, **kw)
        t = 1,
        single, = [t]
        lambda *, k=-1: k
        """
        let (module, diagnostics) = PythonExtractor.extract(source: SourceFile(path: "ok.py", text: valid), moduleName: "ok")
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.range?.start.description ?? "") \($0.message)" })")
        #expect(module?.member(named: "Alias")?.value == "list[T]")
    }

    @Test func hostileInputDoesNotCrashOrHang() {
        let deepBrackets = String(repeating: "(", count: 100_000)
        #expect(firstError(deepBrackets) != nil)
        let deepFStrings = String(repeating: "f'{", count: 5_000) + String(repeating: "}'", count: 5_000)
        #expect(firstError("x = " + deepFStrings + "\n") != nil)
        let deepIndent = (0..<300).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()
        #expect(firstError(deepIndent) != nil)
        #expect(firstError("\"\"\"" + String(repeating: "a\\", count: 50_000)) != nil)
    }

    @Test func deepButValidNestingIsExtracted() throws {
        let classes = (0..<190).map { String(repeating: " ", count: $0) + "class C\($0):\n" }.joined()
            + String(repeating: " ", count: 190) + "x = 1  #: deepest\n"
        let (module, diagnostics) = PythonExtractor.extract(source: SourceFile(path: "deep.py", text: classes), moduleName: "deep")
        #expect(diagnostics.isEmpty)
        var object = try #require(module?.member(named: "C0"))
        for level in 1..<190 { object = try #require(object.member(named: "C\(level)")) }
        #expect(object.member(named: "x")?.docstring?.text == "deepest")
    }

    @Test func largeValidInputIsFast() throws {
        let one = "class C%d(Base):\n    \"\"\"Doc.\"\"\"\n    def m(self, a: int = 1, *args, **kw) -> None:\n        return f\"{a!r:>{10}}\"\n\n"
        let text = (0..<3_000).map { one.replacingOccurrences(of: "%d", with: String($0)) }.joined()
        let clock = ContinuousClock()
        var module: APIModule?
        let elapsed = clock.measure {
            module = PythonExtractor.extract(source: SourceFile(path: "big.py", text: text), moduleName: "big").0
        }
        #expect(module?.members.count == 3_000)
        #expect(elapsed < .seconds(10))
    }

    @Test func emptyAndCommentOnlySources() throws {
        for text in ["", "\n\n", "# only a comment", "   \n\t\n", "\\\n"] {
            let (module, diagnostics) = PythonExtractor.extract(source: SourceFile(path: "e.py", text: text), moduleName: "e")
            if text == "\\\n" {
                #expect(module == nil && diagnostics.count == 1)
            } else {
                #expect(module?.members.isEmpty == true, "\(text.debugDescription): \(diagnostics.map(\.message))")
            }
        }
    }
}

@Suite struct PythonEncodingTests {
    let extractor = PythonExtractor(searchPaths: [Golden.fixtures + "/python"])

    @Test func codingDeclarationIsHonoured() throws {
        let module = try #require(extractor.extract(moduleNamed: "encodings.latin").0)
        #expect(module.docstring?.text == "Café au lait.")
    }

    @Test(arguments: [("encodings.invalid", 1, "source is not valid UTF-8"),
                      ("encodings.unknown", 1, "unknown encoding: uft-8")])
    func badEncodingsAreSyntaxErrors(name: String, line: Int, message: String) throws {
        let (module, diagnostics) = extractor.extract(moduleNamed: name)
        #expect(module == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message == "Python syntax error: " + message)
        #expect(diagnostic.range?.start.line == line)
    }
}
