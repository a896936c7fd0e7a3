import CrossRef

/// Installs one domain: `DomainExtension(MyDomain())` is the one line a new domain needs.
public struct DomainExtension: Extension {
    public let domain: any Domain

    public init(_ domain: any Domain) {
        self.domain = domain
    }

    public func setup(_ registry: inout Registry) {
        registry.add(domain)
    }
}
