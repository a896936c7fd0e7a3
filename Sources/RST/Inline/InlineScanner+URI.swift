import DocTree

extension InlineScanner {
    static let schemes: Set<String> = [
        "about", "acap", "addbook", "afp", "afs", "aim", "callto", "castanet", "chttp", "cid", "crid", "data", "dav",
        "telnet", "dict", "dns", "eid", "fax", "feed", "file", "finger", "freenet", "ftp", "go", "gopher", "gsm-sms",
        "h323", "h324", "hdl", "hnews", "http", "https", "hydra", "iioploc", "ilu", "im", "imap", "info", "ior", "ipp",
        "irc", "iris.beep", "iseek", "jar", "javascript", "jdbc", "ldap", "lifn", "livescript", "lrq", "mailbox",
        "mailserver", "mailto", "md5", "mid", "mocha", "modem", "mtqp", "mupdate", "news", "nfs", "nntp", "opaquelocktoken",
        "phone", "pop", "pop3", "pres", "printer", "prospero", "rdar", "res", "rtsp", "rvp", "rwhois", "rx", "sdp",
        "service", "shttp", "sip", "sips", "smb", "snmp", "soap.beep", "soap.beeps", "ssh", "t120", "tag", "tcp", "tel",
        "tip", "tn3270", "tv", "urn", "uuid", "vemmi", "videotex", "view-source", "wais", "whodp", "whois++", "x-man-page",
        "xmlrpc.beep", "xmlrpc.beeps", "z39.50r", "z39.50s", "git", "svn", "svn+ssh", "s3", "sftp", "ws", "wss", "xmpp",
        "webcal", "geo", "magnet", "spotify", "steam", "ymsgr", "skype", "sms", "bitcoin", "dns", "doi",
    ]

    static func isURIC(_ c: Unicode.Scalar) -> Bool {
        if CharClasses.isASCIIAlnum(c) || c == InlineParser.nul { return true }
        return "-_.!~*'()[];/:@&=+$,%".unicodeScalars.contains(c)
    }

    static func isURILast(_ c: Unicode.Scalar) -> Bool {
        CharClasses.isASCIIAlnum(c) || "_~*/=+".unicodeScalars.contains(c)
    }

    static func isEmailC(_ c: Unicode.Scalar) -> Bool {
        if CharClasses.isASCIIAlnum(c) || c == InlineParser.nul { return true }
        return "-_!~*'{|}/#?^`&=+$%".unicodeScalars.contains(c)
    }

    /// `<uric>* <uri_end>` from p; returns possible ends, longest first (at most a few).
    static func uriPartEnds(_ a: [Unicode.Scalar], _ p: Int, limit: Int) -> [Int] {
        var k = p
        while k < limit && isURIC(a[k]) { k += 1 }
        var ends: [Int] = []
        var e = k
        while e > p {
            let c = a[e - 1]
            if isURILast(c) || (isURIC(c) && e < limit && a[e] == ">") { ends.append(e) }
            e -= 1
            if ends.count >= 4 { break }
        }
        return ends
    }

    /// Possible ends of an absolute URI starting at p, longest first.
    static func absoluteURIEnds(_ a: [Unicode.Scalar], _ p: Int, limit: Int) -> [Int] {
        guard p < limit, CharClasses.isASCIIAlpha(a[p]) else { return [] }
        var k = p + 1
        while k < limit && (CharClasses.isASCIIAlnum(a[k]) || a[k] == "." || a[k] == "+" || a[k] == "-") { k += 1 }
        guard k < limit, a[k] == ":" else { return [] }
        var q = k + 1
        if q < limit && a[q] == "/" { q += 1; if q < limit && a[q] == "/" { q += 1 } }
        var results: [Int] = []
        for e1 in uriPartEnds(a, q, limit: limit) + (q == k + 1 ? [] : uriPartEnds(a, k + 1, limit: limit)) {
            var ends = [e1]
            if e1 < limit && a[e1] == "?" {
                for e2 in uriPartEnds(a, e1 + 1, limit: limit) { ends.insert(e2, at: 0) }
            }
            var withFragment: [Int] = []
            for e in ends {
                if e < limit && a[e] == "#" {
                    for e3 in uriPartEnds(a, e + 1, limit: limit) { withFragment.append(e3) }
                }
                withFragment.append(e)
            }
            results += withFragment
        }
        return results
    }

    static func isAbsoluteURI(_ a: ArraySlice<Unicode.Scalar>) -> Bool {
        !absoluteURIEnds(Array(a), 0, limit: a.count).isEmpty
    }

    /// End of an e-mail address starting at p that ends exactly at a valid position, longest first.
    static func emailEnd(_ a: [Unicode.Scalar], _ p: Int, limit: Int) -> Int? {
        // name: emailc+(\.emailc+)*
        var k = p
        guard k < limit, isEmailC(a[k]) else { return nil }
        while k < limit {
            while k < limit && isEmailC(a[k]) { k += 1 }
            if k + 1 < limit && a[k] == "." && isEmailC(a[k + 1]) { k += 1; continue }
            break
        }
        guard k < limit, a[k] == "@", a[k - 1] != InlineParser.nul else { return nil }
        k += 1
        // host: emailc+(\.emailc*)* then uri_end
        let hostStart = k
        guard k < limit, isEmailC(a[k]) else { return nil }
        while k < limit && (isEmailC(a[k]) || a[k] == ".") { k += 1 }
        var e = k
        while e > hostStart + 1 {
            let c = a[e - 1]
            if isURILast(c) || (isURIC(c) && e < limit && a[e] == ">") { return e }
            e -= 1
        }
        return nil
    }

    /// docutils' implicit_inline over s[a..<b]: standalone URIs and e-mail addresses.
    func implicitInline(_ a: Int, _ b: Int) -> [Node] {
        var out: [Node] = []
        var segStart = a
        var p = a
        var localAnchor = a
        var hasColon = false, hasAt = false
        for k in a..<b { if s[k] == ":" { hasColon = true } else if s[k] == "@" { hasAt = true } }
        if !hasColon && !hasAt { return [.text(InlineParser.unescape(s[a..<b]))] }
        while p < b {
            let c = s[p]
            let prefix = p == localAnchor || CharClasses.isWhitespace(s[p - 1]) || CharClasses.isOpenerOrDelimiter(s[p - 1])
            if prefix && (CharClasses.isASCIIAlnum(c) || Self.isEmailC(c)) {
                var matched: Int? = nil
                var isEmail = false
                var schemeOK = true
                for e in (hasColon ? Self.absoluteURIEnds(s, p, limit: b) : []) where suffixOK(e, limit: b) {
                    matched = e
                    var k = p
                    while s[k] != ":" { k += 1 }
                    let scheme = InlineParser.string(s[p..<k]).lowercased()
                    schemeOK = Self.schemes.contains(scheme)
                    break
                }
                if matched == nil, hasAt, let e = Self.emailEnd(s, p, limit: b), suffixOK(e, limit: b) {
                    matched = e
                    isEmail = true
                }
                if let e = matched {
                    if !schemeOK {
                        // docutils gives up on this text run
                        out.append(.text(InlineParser.unescape(s[segStart..<b])))
                        return out
                    }
                    if p > segStart { out.append(.text(InlineParser.unescape(s[segStart..<p]))) }
                    let textValue = InlineParser.unescape(s[p..<e])
                    let uri = (isEmail ? "mailto:" : "") + textValue
                    out.append(Node(.reference, attributes: ["refuri": .string(uri)],
                                    children: [.text(textValue)], range: range(p, e)))
                    segStart = e
                    p = e
                    localAnchor = e
                    continue
                }
            }
            p += 1
        }
        if b > segStart {
            let t = InlineParser.unescape(s[segStart..<b])
            if !t.isEmpty { out.append(.text(t)) }
        }
        return out
    }
}
