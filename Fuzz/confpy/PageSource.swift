// Stands in for Sources/Site/Discovery.swift in the confpy harness: SiteConfig
// names PageSource.Markup, and Discovery (the file-system walk) would pull in
// most of Site. Only the markup kinds the mapper assigns are needed.
public struct PageSource: Sendable, Hashable {
    public enum Markup: String, Sendable { case rst, markdown }
}
