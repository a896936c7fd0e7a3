import ArgumentParser
public struct VellumCommand: ParsableCommand {
    public init() {}
    public func run() throws {}
}
