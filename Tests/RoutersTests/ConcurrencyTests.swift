import Testing
import Routers

private let user = ModelDescriptor(appLabel: "auth", modelName: "user")

@Suite struct ConcurrencyTests {
    @Test func roundRobinIsFairUnderConcurrentReads() async {
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1", "r2", "r3"])
        let tasks = 8, readsPerTask = 1_000
        let counts = await withTaskGroup(of: [DatabaseAlias: Int].self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    var counts: [DatabaseAlias: Int] = [:]
                    for _ in 0..<readsPerTask {
                        if let alias = router.databaseForRead(user, hints: .none) { counts[alias, default: 0] += 1 }
                    }
                    return counts
                }
            }
            var total: [DatabaseAlias: Int] = [:]
            for await partial in group { total.merge(partial, uniquingKeysWith: +) }
            return total
        }
        // 8000 reads over 4 databases in strict rotation: exactly 2000 each.
        #expect(counts == ["p": 2_000, "r1": 2_000, "r2": 2_000, "r3": 2_000])
    }

    @Test func randomSelectionIsSafeUnderConcurrency() async {
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1", "r2"],
                                          strategy: RandomSelection(generator: SeededGenerator(seed: 3)))
        let total = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<500).filter { _ in router.databaseForRead(user, hints: .none) != nil }.count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(total == 4_000)
    }

    @Test func healthChangesWhileReading() async {
        let health = HealthRegistry()
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1", "r2"], readsFromPrimary: false, health: health)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for index in 0..<2_000 {
                    if index.isMultiple(of: 2) { health.markUnhealthy("r1") } else { health.markHealthy("r1") }
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<2_000 {
                        let alias = router.databaseForRead(user, hints: .none)
                        #expect(alias == "r1" || alias == "r2")
                    }
                }
            }
        }
        health.markUnhealthy("r2")
        health.markUnhealthy("r1")
        #expect(router.databaseForRead(user, hints: .none) == "p")
    }

    @Test func multiPrimaryRouterIsSendable() async {
        let router = MultiPrimaryRouter(clusters: ["db_auth": ["db_auth_r1"]], rule: .named(prefix: "db_"))
        let chain = RouterChain([router])
        let writes = await withTaskGroup(of: DatabaseAlias.self) { group in
            for _ in 0..<16 { group.addTask { chain.writeDatabase(for: user) } }
            return await group.reduce(into: Set<DatabaseAlias>()) { $0.insert($1) }
        }
        #expect(writes == ["db_auth"])
    }
}
