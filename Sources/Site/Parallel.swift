import DocTree
import Foundation

/// The build's worker threads. Every worker has a large stack (`LargeStack`),
/// since parsers and tree passes recurse as deep as the input nests.
enum Workers {
    /// Runs `body` on a large stack and waits for it.
    static func runWithLargeStack<T>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        try LargeStack.run(body)
    }

    /// Worker threads when the build does not say (`BuildOptions.jobs`): one per core.
    static var threadCount: Int {
        max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}

extension Array where Element: Sendable {
    /// Maps on all cores; the result keeps the input order, so output never
    /// depends on scheduling.
    func parallelMap<T: Sendable>(threads: Int = Workers.threadCount,
                                  _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(count, threads)
        if workers < 2 { return map(transform) }
        let results = ResultSlots<T>(count: count)
        let input = self
        let next = ResultBox<Int>()
        next.value = 0
        let lock = NSLock()
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            LargeStack.startThread {
                while true {
                    lock.lock()
                    let i = next.value!
                    next.value = i + 1
                    lock.unlock()
                    if i >= input.count { break }
                    results.set(i, transform(input[i]))
                }
                done.signal()
            }
        }
        for _ in 0..<workers { done.wait() }
        return results.values()
    }
}

/// A value handed between threads under external synchronisation.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Fixed slots written once each from concurrent iterations.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The results, moved out of their slots (no copy of each is made).
    func values() -> [T] {
        var values: [T] = []
        values.reserveCapacity(slots.count)
        for i in slots.indices { values.append(slots[i].take()!) }
        return values
    }
}

/// Counts pages done in a phase from any worker and tells `BuildOptions.progress`,
/// at most every 100 ms and always at the end of the phase.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var lastReport = Date.distantPast
    private let phase: BuildProgress.Phase
    private let total: Int
    private let report: (@Sendable (BuildProgress) -> Void)?

    init(_ phase: BuildProgress.Phase, total: Int, report: (@Sendable (BuildProgress) -> Void)?) {
        self.phase = phase
        self.total = total
        self.report = report
    }

    func step() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = Date()
        let due = done == total || now.timeIntervalSince(lastReport) >= 0.1
        if due { lastReport = now }
        let count = done
        lock.unlock()
        if due { report(BuildProgress(phase: phase, done: count, total: total)) }
    }
}
