import Foundation
import RST

/// One input a page's read depended on, as it was when the page was read.
/// Paths are relative to the source directory (`../Sources/Routers/RouterChain.swift`),
/// so a cache moves with the checkout.
struct RecordedInput: Sendable, Codable, Hashable {
    enum Kind: String, Sendable, Codable {
        /// A file read through the project (the page, an include, a literal include, a CSV table).
        case file
        /// A Python module autodoc looked for, by dotted name: where it was found and its bytes, or absent.
        case pythonModule
        /// A Swift module of `[autodoc] swift_modules`: all its `.swift` files.
        case swiftModule
    }

    var kind: Kind
    /// The relative path (files) or the module name.
    var name: String
    var state: ContentHash

    /// What `--explain` names: the path, or the module's file.
    var shownName: String {
        switch kind {
        case .file: return name
        case .pythonModule: return "Python module " + name
        case .swiftModule: return "Swift module " + name
        }
    }
}

/// The inputs one page's read used, recorded from the worker that reads it.
final class InputLog: @unchecked Sendable {
    private let lock = NSLock()
    private var inputs: [String: RecordedInput] = [:]
    let states: InputStates

    init(states: InputStates) { self.states = states }

    /// `stamp`: what the file looked like just before it was read (``FileStamp``).
    func record(file path: String, _ result: Result<[UInt8], FileReadFailure>, stamp: FileStamp? = nil) {
        let input = RecordedInput(kind: .file, name: states.relative(path), state: InputStates.state(of: result))
        add(input)
        if let stamp { states.note(input.name, StampedFile(stamp: stamp, state: input.state)) }
    }

    func record(pythonModule name: String, extractedText: String?) {
        add(RecordedInput(kind: .pythonModule, name: name, state: states.pythonModule(name, extractedText: extractedText)))
    }

    func record(swiftModule name: String) {
        add(RecordedInput(kind: .swiftModule, name: name, state: states.swiftModule(name)))
    }

    private func add(_ input: RecordedInput) {
        lock.lock()
        inputs[input.kind.rawValue + ":" + input.name] = input
        lock.unlock()
    }

    /// Everything recorded, in a fixed order.
    var recorded: [RecordedInput] {
        lock.lock()
        defer { lock.unlock() }
        return inputs.keys.sorted().map { inputs[$0]! }
    }
}
