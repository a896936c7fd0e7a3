import CCmark

/// A position as cmark reports it: 1-based line, 1-based *byte* column.
struct CmarkPosition: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// A plain Swift copy of one cmark node. The C tree is copied into these
/// values and freed at once, so nothing outside this file touches the C API.
struct CmarkNode: Sendable {
    enum Kind: Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph
        case heading, thematicBreak, text, softBreak, lineBreak, code, htmlInline, customInline
        case emphasis, strong, link, image
    }

    var kind: Kind
    var literal = ""
    var url = ""
    var title = ""
    var info = ""
    var headingLevel = 0
    var isOrdered = false
    var listStart = 1
    var isTight = false
    /// `.` or `)` for ordered lists.
    var delimiter: Character = "."
    /// Start of the node (cmark's sourcepos).
    var start = CmarkPosition(line: 0, column: 0)
    /// Last byte of the node, inclusive (cmark's sourcepos).
    var end = CmarkPosition(line: 0, column: 0)
    var children: [CmarkNode] = []

    var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock,
             .paragraph, .heading, .thematicBreak:
            return true
        default:
            return false
        }
    }
}

/// Parses Markdown with libcmark and copies the result into `CmarkNode` values.
enum CmarkReader {
    /// The result of a parse: the tree, and whether nodes were dropped for being nested too deeply.
    struct Result {
        var root: CmarkNode
        /// Positions of subtrees that were skipped because they exceeded the nesting limit.
        var truncated: [CmarkPosition]
    }

    static func parse(_ text: String, maxDepth: Int) -> Result {
        let options = CMARK_OPT_SOURCEPOS
        let document = text.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parse_document(buffer.baseAddress, max(buffer.count - 1, 0), options)
        }
        guard let document else {
            return Result(root: CmarkNode(kind: .document), truncated: [])
        }
        defer { cmark_node_free(document) }
        return copyTree(document, maxDepth: maxDepth)
    }

    /// Walks the C tree with `cmark_iter` (no recursion), building Swift values on a stack.
    private static func copyTree(_ document: OpaquePointer, maxDepth: Int) -> Result {
        guard let iterator = cmark_iter_new(document) else {
            return Result(root: CmarkNode(kind: .document), truncated: [])
        }
        defer { cmark_iter_free(iterator) }
        var stack: [CmarkNode] = []
        var root = CmarkNode(kind: .document)
        var truncated: [CmarkPosition] = []
        // Depth of the deepest node we are skipping past (0 when not skipping).
        var skippedDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let pointer = cmark_iter_get_node(iterator) else { continue }
            let leaf = isLeaf(cmark_node_get_type(pointer))
            if event == CMARK_EVENT_ENTER {
                if skippedDepth > 0 {
                    if !leaf { skippedDepth += 1 }
                    continue
                }
                let node = copyNode(pointer)
                if stack.count >= maxDepth {
                    truncated.append(node.start)
                    if !leaf { skippedDepth = 1 }
                    continue
                }
                if leaf {
                    if stack.isEmpty { root.children.append(node) } else { stack[stack.count - 1].children.append(node) }
                } else {
                    stack.append(node)
                }
            } else if event == CMARK_EVENT_EXIT {
                if skippedDepth > 0 {
                    skippedDepth -= 1
                    continue
                }
                guard let finished = stack.popLast() else { continue }
                if stack.isEmpty {
                    root = finished
                } else {
                    stack[stack.count - 1].children.append(finished)
                }
            }
        }
        return Result(root: root, truncated: truncated)
    }

    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
             CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
             CMARK_NODE_THEMATIC_BREAK:
            return true
        default:
            return false
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func copyNode(_ pointer: OpaquePointer) -> CmarkNode {
        let type = cmark_node_get_type(pointer)
        var node = CmarkNode(kind: kind(of: type))
        node.start = CmarkPosition(line: Int(cmark_node_get_start_line(pointer)),
                                   column: Int(cmark_node_get_start_column(pointer)))
        node.end = CmarkPosition(line: Int(cmark_node_get_end_line(pointer)),
                                 column: Int(cmark_node_get_end_column(pointer)))
        switch node.kind {
        case .text, .code, .htmlInline, .htmlBlock:
            node.literal = string(cmark_node_get_literal(pointer))
        case .codeBlock:
            node.literal = string(cmark_node_get_literal(pointer))
            node.info = string(cmark_node_get_fence_info(pointer))
        case .heading:
            node.headingLevel = Int(cmark_node_get_heading_level(pointer))
        case .list:
            node.isOrdered = cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST
            node.listStart = Int(cmark_node_get_list_start(pointer))
            node.isTight = cmark_node_get_list_tight(pointer) != 0
            node.delimiter = cmark_node_get_list_delim(pointer) == CMARK_PAREN_DELIM ? ")" : "."
        case .link, .image:
            node.url = string(cmark_node_get_url(pointer))
            node.title = string(cmark_node_get_title(pointer))
        case .customBlock, .customInline:
            node.literal = string(cmark_node_get_on_enter(pointer))
        default:
            break
        }
        return node
    }

    private static func kind(of type: cmark_node_type) -> CmarkNode.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .customInline
        }
    }
}
