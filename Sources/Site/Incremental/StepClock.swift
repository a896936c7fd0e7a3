import Foundation

/// How long each step of a build took, in order (`vellum build --timings`).
public struct StepTime: Sendable, Equatable {
    public var step: String
    public var seconds: Double
}

/// Times the steps of one build: each ``mark(_:)`` closes the step that
/// started at the previous mark.
struct StepClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var steps: [StepTime] = []

    mutating func mark(_ step: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        steps.append(StepTime(step: step, seconds: Double(now - last) / 1e9))
        last = now
    }
}
