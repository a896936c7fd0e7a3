import Foundation
@testable import Site
import Testing
@testable import VellumServer

@Suite struct SnapshotStoreTests {
    func snapshot(_ generation: Int, _ text: String) -> SiteSnapshot {
        SiteSnapshot(generation: generation, site: BuiltSite(files: ["index.html": Data(text.utf8)], report: BuildReport()),
                     sourceRoot: "docs")
    }

    @Test func streamsStartWithTheCurrentBuildAndHearEachRebuild() async {
        let store = SnapshotStore(snapshot(1, "one"))
        var events = store.events().makeAsyncIterator()
        #expect(await events.next() == .current(generation: 1))
        store.publish(snapshot(2, "two"))
        #expect(store.current.files["index.html"] == Data("two".utf8))
        #expect(await events.next() == .current(generation: 2))
        store.reportFailure("gone")
        #expect(await events.next() == .rebuildFailed("gone"))
        store.keepAlive()
        #expect(await events.next() == .keepAlive)
        store.close()
        #expect(await events.next() == nil)
        var late = store.events().makeAsyncIterator()
        #expect(await late.next() == nil)
        #expect(store.listenerCount == 0)
    }

    @Test func aStreamThatGoesAwayStopsListening() async {
        let store = SnapshotStore(snapshot(1, "one"))
        do {
            let stream = store.events()
            #expect(store.listenerCount == 1)
            _ = stream
        }
        #expect(store.listenerCount == 0)
    }
}
