import Autodoc
import DocTree
import Testing

@Suite struct RenderGoldenTests {
    @Test func restAuthRouters() throws { try RenderSupport.check("restauth") }
    @Test func swiftRouters() throws { try RenderSupport.check("routers") }
}

extension RenderGoldenTests {
    @Test func memberOptions() throws { try RenderSupport.check("options") }
}
