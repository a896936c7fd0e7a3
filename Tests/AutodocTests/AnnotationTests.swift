import Autodoc
import DocTree
import Domains
import RST
import Testing

/// Signatures as Sphinx's autodoc shows them (its text, checked against
/// `sphinx-build` on real packages by scripts/autodoc-parity), over the
/// `typed` fixture package: annotations evaluated statically, aliases
/// expanded, the fallback to the written text, and every type a reference.
@Suite struct AnnotationTests {
    /// The text of each signature on the page, by id.
    static func signatures(_ text: String, settings: AutodocSettings = AutodocSettings()) -> [String: String] {
        let parsed = RSTParserSupport.parse(text)
        let document = AutodocExpander.expand(parsed, store: RenderSupport.store, parserOptions: RenderSupport.options,
                                              settings: settings)
        var out: [String: String] = [:]
        document.root.walk { node in
            guard node.kind == "desc_signature", let id = node.ids.first else { return }
            out[id] = Self.text(node)
        }
        return out
    }

    /// The page expanded with `autodoc_typehints = "description"`.
    static func withTypeFields(_ text: String) -> Document {
        var settings = AutodocSettings()
        settings.typehints = "description"
        return AutodocExpander.expand(RSTParserSupport.parse(text), store: RenderSupport.store,
                                      parserOptions: RenderSupport.options, settings: settings)
    }

    /// A signature's text as the HTML writer shows it (parentheses, commas and the arrow are the writer's).
    static func text(_ node: Node) -> String {
        switch node.kind.rawValue {
        case "desc_parameterlist": return "(" + node.children.map(Self.text).joined(separator: ", ") + ")"
        case "desc_returns": return " → " + node.children.map(Self.text).joined()
        default: return node.isText ? node.textContent : node.children.map(Self.text).joined()
        }
    }

    @Test func evaluatedAnnotationsAreShortenedAndNormalised() {
        let s = Self.signatures(".. autofunction:: typed.connect\n.. autofunction:: typed.register\n")
        #expect(s["typed.connect"] == "typed.connect(target: Node | None = None, retries: int = 3, mode: str = 'fast') → List[Node]")
        #expect(s["typed.register"]
                == "typed.register(plugin: object, space: Node | type, hook: Callable[[...], object]) → List[T] | None")
    }

    @Test func aNameOnlyTypeCheckersSeeKeepsEveryAnnotationAsWritten() {
        let s = Self.signatures(".. autofunction:: typed.reveal\n")
        #expect(s["typed.reveal"] == "typed.reveal(secret: Secret, label: t.Optional[str]) → None")
    }

    @Test func forwardReferencesLiteralsKeywordOnlyAndOverloads() {
        let s = Self.signatures(".. autoclass:: typed.Handler\n   :members: handle, get\n")
        #expect(s["typed.Handler.handle"] == "handle(node: Node, *args: Any, key: str = 'k', **kwargs: Any) → Literal['a', 'b']")
        #expect(s["typed.Handler.get"] == "get(key: int) → int")
    }

    @Test func directiveObjectTypesExplicitSignaturesAndFinal() {
        let s = Self.signatures("""
            .. autoclass:: typed.Handler()
            .. autoclass:: typed.Sealed
            .. autodecorator:: typed.connect
            .. autofunction:: typed.register(plugin, space)
            """)
        #expect(s["typed.Handler"] == "class typed.Handler")
        #expect(s["typed.Sealed"] == "final class typed.Sealed")
        #expect(s["typed.connect"] == "@typed.connect")
        #expect(s["typed.register"] == "typed.register(plugin, space)")
    }

    @Test func typehintsSettingRemovesAnnotationsFromSignatures() {
        var settings = AutodocSettings()
        settings.typehints = "description"
        let s = Self.signatures(".. autofunction:: typed.connect\n", settings: settings)
        #expect(s["typed.connect"] == "typed.connect(target=None, retries=3, mode='fast')")
        settings.preserveDefaults = true
        let preserved = Self.signatures(".. autofunction:: typed.connect\n", settings: settings)
        // Preserved defaults are still printed from the expression, so quotes are Python's.
        #expect(preserved["typed.connect"] == "typed.connect(target=None, retries=3, mode='fast')")
    }

    @Test func descriptionTypehintsBecomeTypeFieldsWithReferences() throws {
        let document = Self.withTypeFields(".. autofunction:: typed.connect\n.. autoclass:: typed.Sealed\n")
        let desc = try #require(document.root.children.first { $0.kind == "desc" })
        let fields = try #require(desc.first { $0.kind == .fieldList })
        let text = fields.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text == "Parameterstarget (Node | None)retries (int)mode (str)Return typeList[Node]")
        var targets: [String] = []
        fields.walk { if let xref = PendingXref($0) { targets.append(xref.target) } }
        #expect(targets == ["typed._model.Node", "typing.List", "typed._model.Node"])
        // Every reference stands at the directive (Sphinx reports them there too).
        fields.walk { if PendingXref($0) != nil { #expect($0.range?.start.line == 1) } }
        // A class without annotated parameters gets no field list.
        let sealed = try #require(document.root.children.filter { $0.kind == "desc" }.last)
        #expect(sealed.first { $0.kind == .fieldList } == nil)
    }

    /// A `Literal` whose base does not bind stays as written, its strings decoded; field types are left
    /// alone by smart quotes (Sphinx's `literal_emphasis`). As in Sphinx's typed fields, the values of
    /// `te.Literal` are references (only `Literal` and `typing.Literal` are known there).
    @Test func literalTypesInFieldsStayAsWritten() throws {
        let document = Self.withTypeFields(".. autofunction:: astnodes.filters.newline\n")
        let fields = try #require(document.root.first { $0.kind == .fieldList })
        let text = fields.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text == "Parameterssep (te.Literal['\\n', '\\r\\n']) – the separator.mode (Literal['a', 'b'])Return typeNone")
        var targets: [String] = []
        fields.walk { if let xref = PendingXref($0) { targets.append(xref.target) } }
        #expect(targets == ["te.Literal", "'\\n'", "'\\r\\n'", "typing.Literal"])
        var marked = 0
        fields.walk { if $0.attributes[AttributeKey.noSmartQuotes] != nil { marked += 1 } }
        #expect(marked >= 2)
    }

    /// The texts Sphinx 9 (Python 3.13) gives for the same classes.
    @Test func generatedConstructorsOfDataclassesNamedTuplesAndEnums() {
        let s = Self.signatures("""
            .. autoclass:: typed.records.Point
            .. autoclass:: typed.records.Pair
            .. autoclass:: typed.records.Color
            .. autoclass:: typed.records.Movie
            """)
        #expect(s["typed.records.Point"] == "class typed.records.Point(x: int, y: int = 0, label: str = 'p', tags: list = <factory>)")
        #expect(s["typed.records.Pair"] == "class typed.records.Pair(left: int, right: str = 'r')")
        #expect(s["typed.records.Color"] == "class typed.records.Color(*values)")
        #expect(s["typed.records.Movie"] == "class typed.records.Movie")
    }

    /// attrs' generated constructors, as Sphinx 9 shows them with attrs 26 installed.
    @Test func attrsClassesShowTheirGeneratedConstructor() {
        let s = Self.signatures("""
            .. autoclass:: typed.attrsclasses.Old
            .. autoclass:: typed.attrsclasses.New
            .. autoclass:: typed.attrsclasses.Frozen
            """)
        #expect(s["typed.attrsclasses.Old"] == "class typed.attrsclasses.Old(x, y=1, z=NOTHING)")
        #expect(s["typed.attrsclasses.New"] == "class typed.attrsclasses.New(x: int, y: str = 'y', z: list = NOTHING, *, w: int = 3)")
        #expect(s["typed.attrsclasses.Frozen"] == "class typed.attrsclasses.Frozen(*, a: int)")
    }

    @Test func aConstantDefaultShowsItsValueUnlessDefaultsArePreserved() {
        #expect(Self.signatures(".. autofunction:: typed.wait\n")["typed.wait"] == "typed.wait(times: int = 3) → None")
        var settings = AutodocSettings()
        settings.preserveDefaults = true
        #expect(Self.signatures(".. autofunction:: typed.wait\n", settings: settings)["typed.wait"]
                == "typed.wait(times: int = RETRIES) → None")
    }

    @Test func typesInSignaturesArePythonReferences() {
        let parsed = RSTParserSupport.parse(".. autofunction:: typed.connect\n")
        let document = AutodocExpander.expand(parsed, store: RenderSupport.store, parserOptions: RenderSupport.options)
        var targets: [String] = []
        document.root.walk { node in
            if let xref = PendingXref(node), xref.domain == "py" { targets.append("\(xref.type):\(xref.target)") }
        }
        #expect(targets == ["class:typed._model.Node", "obj:None", "class:int", "class:str", "class:typing.List",
                            "class:typed._model.Node"])
    }

    /// Sphinx's typed fields: after `Literal` or `typing.Literal`, nothing in the field is a reference;
    /// under another spelling each value is one, to its text.
    @Test func fieldTypesSplitLikeSphinxTypedFields() throws {
        func targets(_ text: String) throws -> [String] {
            try #require(PythonTypeExpression.parse(text)).fieldNodes(document: "api").compactMap { PendingXref($0)?.target }
        }
        #expect(try targets("Literal['a', 'b'] | Node") == ["Literal"])
        #expect(try targets("typing.Literal[1] | Node") == ["typing.Literal"])
        #expect(try targets("Node | typing.Literal[1]") == ["Node", "typing.Literal"])
        #expect(try targets("te.Literal['a', 2] | Node") == ["te.Literal", "'a'", "2", "Node"])
        #expect(try targets("dict[str, Node]") == ["dict", "str", "Node"])
        // Signatures keep every Literal's values as text.
        let signature = try #require(PythonTypeExpression.parse("te.Literal['a']")).nodes(document: "api")
        #expect(signature.compactMap { PendingXref($0)?.target } == ["te.Literal"])
    }

    @Test func typeExpressionsParseAndPrintLikePython() {
        #expect(PythonTypeExpression.normalizedText("Dict[ str,int ]") == "Dict[str, int]")
        #expect(PythonTypeExpression.normalizedText("Literal[\"it's\"]") == "Literal[\"it's\"]")
        #expect(PythonTypeExpression.normalizedText("a|b") == "a | b")
        #expect(PythonTypeExpression.normalizedText("tuple[()]") == "tuple[()]")
        #expect(PythonTypeExpression.parse("f(x)") == nil)
        #expect(PythonTypeExpression.parse(String(repeating: "[", count: 500)) == nil)
    }
}

enum RSTParserSupport {
    static func parse(_ text: String) -> Document {
        RSTParser(options: RenderSupport.options).parse(SourceFile(path: "api.rst", text: text), name: "api")
    }
}
