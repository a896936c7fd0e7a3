import Foundation

/// Runs work on threads with large stacks. Document trees can nest deeply
/// (ten thousand block quotes is valid input) and every parser and tree pass
/// recurses, while Dispatch and test threads have small stacks.
public enum LargeStack {
    /// Enough for trees nested tens of thousands deep (address space only until used).
    public static let size = 512 << 20

    private static let marker = "vellum.large-stack"

    /// Whether the current thread was started by `LargeStack` (or `startThread`).
    public static var isCurrent: Bool { Thread.current.threadDictionary[marker] != nil }

    /// Runs `body` on a large stack and waits for it: inline when the current
    /// thread already has one, on a fresh thread otherwise.
    public static func run<T>(_ body: @escaping @Sendable () throws -> T) rethrows -> T {
        if isCurrent { return try body() }
        let box = Box<Result<T, Error>>()
        let done = DispatchSemaphore(value: 0)
        startThread {
            box.value = Result { try body() }
            done.signal()
        }
        done.wait()
        switch box.value! {
        case .success(let value): return value
        case .failure(let error): try { throw error }()
        }
        fatalError("unreachable")
    }

    /// Starts a detached large-stack thread running `body`.
    public static func startThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            Thread.current.threadDictionary[marker] = true
            body()
        }
        thread.stackSize = size
        thread.start()
    }

    /// A value handed from a worker thread to the waiting caller.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
