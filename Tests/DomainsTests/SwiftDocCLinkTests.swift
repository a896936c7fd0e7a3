@testable import Domains
import Testing

/// DocC's disambiguation suffixes in links (a USR hash, a kind, parameter types) come off
/// so the link finds the overload by its name.
@Suite struct SwiftDocCLinkTests {
    @Test func suffixesComeOff() {
        #expect(SwiftDomain.withoutDocCDisambiguation("isEqualSet(to:)-4xfa9") == "isEqualSet(to:)")
        #expect(SwiftDomain.withoutDocCDisambiguation("elements-swift.property") == "elements")
        #expect(SwiftDomain.withoutDocCDisambiguation("item(at:)-(String)->Value") == "item(at:)")
        #expect(SwiftDomain.withoutDocCDisambiguation("-(_:_:)") == nil)
        #expect(SwiftDomain.withoutDocCDisambiguation("plain(label:)") == nil)
    }
}
