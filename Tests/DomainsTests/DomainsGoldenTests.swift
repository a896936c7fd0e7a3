import DocTree
import Domains
import RST
import Testing

@Suite struct DomainsGoldenTests {
    @Test func pythonDomain() throws { try DomainsGolden.check("python") }
}

extension DomainsGoldenTests {
    @Test func standardDomain() throws { try DomainsGolden.check("standard") }
}
