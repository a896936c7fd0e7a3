/// CSS as Pygments' CssLexer classes it. Selectors: elements `nt`, `.class`
/// `p`+`nc`, `#id` `p`+`nn`, pseudo-classes `p`+`nd`, combinators `o`.
/// Declarations: known properties `k` (others `n`, custom `--x` `nv`), `:`
/// and `;` `p`, keyword values `kc`, functions `nb`, numbers `mi`/`mf` with
/// units `kt`, colours `mh`, `!important` `cp`, strings, comments `c`;
/// at-rules `p`+`k`.
enum CSSLexer {
    static let properties = Set<String>(words: """
        align-content align-items align-self all animation animation-delay animation-direction animation-duration \
        animation-fill-mode animation-iteration-count animation-name animation-play-state animation-timing-function \
        appearance aspect-ratio backdrop-filter backface-visibility background background-attachment \
        background-blend-mode background-clip background-color background-image background-origin \
        background-position background-repeat background-size border border-bottom border-bottom-color \
        border-bottom-left-radius border-bottom-right-radius border-bottom-style border-bottom-width \
        border-collapse border-color border-image border-left border-left-color border-left-style \
        border-left-width border-radius border-right border-right-color border-right-style border-right-width \
        border-spacing border-style border-top border-top-color border-top-left-radius border-top-right-radius \
        border-top-style border-top-width border-width bottom box-shadow box-sizing break-after break-before \
        break-inside caption-side caret-color clear clip clip-path color column-count column-gap column-rule \
        column-span column-width columns content counter-increment counter-reset cursor direction display \
        empty-cells filter flex flex-basis flex-direction flex-flow flex-grow flex-shrink flex-wrap float font \
        font-family font-feature-settings font-kerning font-size font-size-adjust font-stretch font-style \
        font-variant font-variant-ligatures font-variant-numeric font-weight gap grid grid-area grid-auto-columns \
        grid-auto-flow grid-auto-rows grid-column grid-column-end grid-column-gap grid-column-start grid-gap \
        grid-row grid-row-end grid-row-gap grid-row-start grid-template grid-template-areas \
        grid-template-columns grid-template-rows height hyphens image-rendering inset isolation justify-content \
        justify-items justify-self left letter-spacing line-break line-height list-style list-style-image \
        list-style-position list-style-type margin margin-bottom margin-left margin-right margin-top \
        mask max-height max-width min-height min-width mix-blend-mode object-fit object-position opacity order \
        orphans outline outline-color outline-offset outline-style outline-width overflow overflow-wrap \
        overflow-x overflow-y padding padding-bottom padding-left padding-right padding-top page-break-after \
        page-break-before page-break-inside perspective place-content place-items pointer-events position \
        quotes resize right row-gap scroll-behavior scroll-margin scroll-margin-top scroll-padding \
        scroll-padding-top tab-size table-layout text-align text-align-last text-decoration \
        text-decoration-color text-decoration-line text-decoration-style text-indent text-justify \
        text-overflow text-rendering text-shadow text-transform text-underline-offset top transform \
        transform-origin transform-style transition transition-delay transition-duration transition-property \
        transition-timing-function unicode-bidi user-select vertical-align visibility white-space widows width \
        will-change word-break word-spacing word-wrap writing-mode z-index zoom src font-display
        """)
    static let values = Set<String>(words: """
        absolute auto baseline block bold bolder both bottom break-word capitalize center circle collapse \
        column contain content-box border-box cover dashed decimal default disc dotted double ease ease-in \
        ease-in-out ease-out fixed flex flex-end flex-start grid groove hidden horizontal inherit initial \
        inline inline-block inline-flex inline-grid inset italic justify large larger left lighter linear \
        line-through lowercase medium middle monospace no-repeat none normal nowrap oblique outset pointer \
        pre pre-line pre-wrap relative repeat repeat-x repeat-y ridge right row sans-serif scroll serif small \
        smaller solid space-around space-between square static sticky stretch sub super table table-cell \
        text thick thin top transparent underline unset uppercase vertical visible wrap x-large x-small \
        xx-large xx-small currentcolor black white red green blue yellow gray grey orange purple silver \
        navy teal maroon olive lime aqua fuchsia list-item run-in inside outside break-all keep-all \
        revert start end infinite alternate forwards backwards running paused ellipsis clip all
        """)
    static let units = Set<String>(words: """
        px em rem ex ch vw vh vmin vmax cm mm in pt pc deg rad grad turn s ms hz khz dpi dpcm dppx fr q
        """)

    static func lex(_ lx: Lexer) {
        var depth = 0
        var inDeclaration = false  // inside a { } of declarations
        var afterColon = false     // in a declaration's value
        while !lx.atEnd {
            let c = lx.peek()
            if isSpace(c) { lx.i += 1; continue }
            if c == 47, lx.peek(1) == 42 { lx.until("*/", "c"); continue }
            if c == 34 || c == 39 {
                let start = lx.i
                lx.i += 1
                while !lx.atEnd, lx.peek() != c, lx.peek() != 10 { lx.i += lx.peek() == 92 ? 2 : 1 }
                lx.i = min(lx.i + 1, lx.count)
                lx.emit(c == 34 ? "s2" : "s1", from: start)
                continue
            }
            if c == 64 {
                lx.take("p")
                let e = lx.scan(from: lx.i) { isIdent($0) || $0 == 45 }
                lx.emit("k", lx.i, e)
                lx.i = e
                continue
            }
            if c == 123 {
                lx.take("p")
                depth += 1
                inDeclaration = !blockHoldsRules(lx)
                afterColon = false
                continue
            }
            if c == 125 {
                lx.take("p")
                depth = max(0, depth - 1)
                inDeclaration = depth > 0 && !blockHoldsRules(lx)
                afterColon = false
                continue
            }
            if inDeclaration {
                declarationToken(lx, &afterColon)
            } else {
                selectorToken(lx)
            }
        }
    }

    /// Whether the block just opened holds nested rules (a `{` comes before the next `;` or `}`).
    private static func blockHoldsRules(_ lx: Lexer) -> Bool {
        // Only a peek at the next few bytes: bounded, so the pass stays linear.
        var j = lx.i
        let limit = min(lx.count, lx.i + 200)
        while j < limit {
            let b = lx.at(j)
            if b == 59 || b == 125 { return false }
            if b == 123 { return true }
            if b == 58, isSpace(lx.at(j + 1)) { return false }
            j += 1
        }
        return false
    }

    private static func selectorToken(_ lx: Lexer) {
        let c = lx.peek()
        switch c {
        case 46, 35:
            if isIdentStart(lx.peek(1)) || lx.peek(1) == 45 {
                lx.take("p")
                let e = lx.scan(from: lx.i) { isIdent($0) || $0 == 45 }
                lx.emit(c == 46 ? "nc" : "nn", lx.i, e)
                lx.i = e
            } else {
                lx.take("p")
            }
        case 58:
            let n = lx.peek(1) == 58 ? 2 : 1
            lx.take("p", n)
            let e = lx.scan(from: lx.i) { isIdent($0) || $0 == 45 }
            lx.emit("nd", lx.i, e)
            lx.i = e
        case 44, 62, 43, 126, 42, 91, 93, 61, 40, 41:
            lx.take("o")
        case 59:
            lx.take("p")
        default:
            if isIdentStart(c) || c == 45 {
                let e = lx.scan(from: lx.i) { isIdent($0) || $0 == 45 }
                lx.emit("nt", lx.i, e)
                lx.i = e
            } else if isDigit(c) {
                number(lx)
            } else {
                lx.i += 1
            }
        }
    }

    private static func declarationToken(_ lx: Lexer, _ afterColon: inout Bool) {
        let c = lx.peek()
        switch c {
        case 58:
            lx.take("p")
            afterColon = true
        case 59:
            lx.take("p")
            afterColon = false
        case 40, 41:
            lx.take("p")
        case 44:
            lx.take("p")
        case 33:
            let e = lx.scan(from: lx.i + 1, while: isIdent)
            lx.emit("cp", lx.i, e)
            lx.i = max(e, lx.i + 1)
        case 35:
            let e = lx.scan(from: lx.i + 1, while: isHex)
            lx.emit("mh", lx.i, e)
            lx.i = max(e, lx.i + 1)
        case 43, 42, 47, 61:
            lx.take("o")
        case 45 where !(isIdentStart(lx.peek(1)) || lx.peek(1) == 45) && !isDigit(lx.peek(1)) && lx.peek(1) != 46:
            lx.take("o")
        default:
            if isDigit(c) || (c == 46 && isDigit(lx.peek(1))) || (c == 45 && (isDigit(lx.peek(1)) || lx.peek(1) == 46)) {
                number(lx)
                return
            }
            if isIdentStart(c) || c == 45 {
                let e = lx.scan(from: lx.i) { isIdent($0) || $0 == 45 }
                let word = lx.text(lx.i, e).lowercased()
                if !afterColon {
                    lx.emit(word.hasPrefix("--") ? "nv" : (properties.contains(word) ? "k" : "n"), lx.i, e)
                    lx.i = e
                    return
                }
                if lx.at(e) == 40 {
                    lx.emit("nb", lx.i, e)
                    lx.i = e
                    if word == "url" {
                        lx.take("p")
                        let a = lx.skipBlanks(from: lx.i)
                        if lx.at(a) != 34 && lx.at(a) != 39 {
                            let b = lx.scan(from: a) { $0 != 41 && $0 != 10 }
                            lx.emit("sx", a, b)
                            lx.i = b
                        }
                    }
                    return
                }
                lx.emit(word.hasPrefix("--") ? "nv" : (values.contains(word) ? "kc" : "n"), lx.i, e)
                lx.i = e
                return
            }
            lx.i += 1
        }
    }

    private static func number(_ lx: Lexer) {
        let start = lx.i
        if lx.peek() == 45 { lx.i += 1 }
        lx.skip(while: isDigit)
        var float = false
        if lx.peek() == 46, isDigit(lx.peek(1)) { float = true; lx.i += 1; lx.skip(while: isDigit) }
        lx.emit(float ? "mf" : "mi", from: start)
        if lx.peek() == 37 { lx.take("kt"); return }
        let e = lx.scan(from: lx.i, while: isAlpha)
        if e > lx.i, units.contains(lx.text(lx.i, e).lowercased()) {
            lx.emit("kt", lx.i, e)
            lx.i = e
        }
    }
}
