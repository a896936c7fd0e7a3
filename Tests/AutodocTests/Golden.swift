import Foundation
import Testing

/// Golden-file helpers: fixtures live next to the tests, found via `#filePath`.
enum Golden {
    static let fixtures: String = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return here.appendingPathComponent("Fixtures").path
    }()

    static var updating: Bool { ProcessInfo.processInfo.environment["VELLUM_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file (relative to Fixtures/golden), or rewrites it when updating.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = fixtures + "/golden/" + name
        if updating {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with VELLUM_UPDATE_GOLDEN=1 and review it",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let index = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            let want = index < e.count ? String(e[index]) : "<end>"
            let got = index < a.count ? String(a[index]) : "<end>"
            Issue.record("\(name) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)",
                         sourceLocation: sourceLocation)
        }
    }
}
