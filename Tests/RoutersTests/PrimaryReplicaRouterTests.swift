import Testing
import Routers

private let user = ModelDescriptor(appLabel: "auth", modelName: "user")

@Suite struct PrimaryReplicaRouterTests {
    @Test func writesGoToPrimary() {
        let router = PrimaryReplicaRouter(primary: "primary", replicas: ["r1", "r2"])
        #expect(router.databaseForWrite(user, hints: .none) == "primary")
    }

    @Test func roundRobinCyclesOverReplicasAndPrimary() {
        let router = PrimaryReplicaRouter(primary: "primary", replicas: ["r1", "r2"])
        let reads = (0..<6).compactMap { _ in router.databaseForRead(user, hints: .none) }
        #expect(reads == ["r1", "r2", "primary", "r1", "r2", "primary"])
    }

    @Test func primaryCanBeLeftOutOfReads() {
        let router = PrimaryReplicaRouter(primary: "primary", replicas: ["r1", "r2"], readsFromPrimary: false)
        let reads = (0..<4).compactMap { _ in router.databaseForRead(user, hints: .none) }
        #expect(reads == ["r1", "r2", "r1", "r2"])
    }

    @Test func duplicateReplicasAndPrimaryAreIgnored() {
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1", "p", "r1", "r2"])
        #expect(router.replicas == ["r1", "r2"])
        #expect(router.databases == ["p", "r1", "r2"])
    }

    @Test func randomSelectionIsReproducibleWithASeed() {
        func reads(seed: UInt64) -> [DatabaseAlias] {
            let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1", "r2", "r3"],
                                              strategy: RandomSelection(generator: SeededGenerator(seed: seed)))
            return (0..<50).compactMap { _ in router.databaseForRead(user, hints: .none) }
        }
        let first = reads(seed: 42)
        #expect(first == reads(seed: 42))
        #expect(first != reads(seed: 7))
        #expect(Set(first) == ["p", "r1", "r2", "r3"], "every pool member is eventually chosen")
    }

    @Test func randomSelectionWithSystemGeneratorStaysInPool() {
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1"], strategy: RandomSelection())
        for _ in 0..<100 {
            let alias = router.databaseForRead(user, hints: .none)
            #expect(alias == "p" || alias == "r1")
        }
    }

    @Test func seededGeneratorIsDeterministic() {
        var a = SeededGenerator(seed: 1)
        var b = SeededGenerator(seed: 1)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    }

    @Test func unhealthyReplicasAreSkipped() {
        let health = HealthRegistry()
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1", "r2"], readsFromPrimary: false, health: health)
        health.markUnhealthy("r1")
        #expect(router.readCandidates == ["r2"])
        #expect((0..<3).compactMap { _ in router.databaseForRead(user, hints: .none) } == ["r2", "r2", "r2"])
        #expect(health.unhealthyDatabases == ["r1"])
        health.markHealthy("r1")
        #expect(router.readCandidates == ["r1", "r2"])
        #expect(health.unhealthyDatabases.isEmpty)
    }

    @Test func primaryServesReadsWhenNoReplicaIsHealthy() {
        let health = HealthRegistry()
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1", "r2"], readsFromPrimary: false, health: health)
        health.markUnhealthy("r1")
        health.markUnhealthy("r2")
        #expect(router.readCandidates.isEmpty)
        #expect(router.databaseForRead(user, hints: .none) == "p")
    }

    @Test func unhealthyPrimaryIsSkippedWhileReplicasServe() {
        let health = HealthRegistry()
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1"], health: health)
        health.markUnhealthy("p")
        #expect(router.readCandidates == ["r1"])
        #expect(router.databaseForWrite(user, hints: .none) == "p", "writes have nowhere else to go")
    }

    @Test func noReplicasMeansPrimaryOnly() {
        let router = PrimaryReplicaRouter(primary: "p", replicas: [], readsFromPrimary: false)
        #expect(router.databaseForRead(user, hints: .none) == "p")
    }

    @Test func relationsInsideThePool() {
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1"])
        let onPrimary = RoutedObject(model: user, database: "p")
        let onReplica = RoutedObject(model: user, database: "r1")
        let elsewhere = RoutedObject(model: user, database: "other")
        #expect(router.allowRelation(onPrimary, onReplica, hints: .none) == true)
        #expect(router.allowRelation(onPrimary, elsewhere, hints: .none) == nil)
        #expect(router.allowRelation(onPrimary, RoutedObject(model: user), hints: .none) == nil)
    }

    @Test func migrationsOnPrimaryOnly() {
        let router = PrimaryReplicaRouter(primary: "p", replicas: ["r1"])
        #expect(router.allowMigrate("p", appLabel: "auth", modelName: nil, hints: .none) == true)
        #expect(router.allowMigrate("r1", appLabel: "auth", modelName: nil, hints: .none) == false)
        #expect(router.allowMigrate("other", appLabel: "auth", modelName: nil, hints: .none) == nil)
    }

    @Test func worksInsideAChain() {
        let chain = RouterChain([PrimaryReplicaRouter(primary: "p", replicas: ["r1"], readsFromPrimary: false)])
        #expect(chain.readDatabase(for: user) == "r1")
        #expect(chain.writeDatabase(for: user) == "p")
        #expect(!chain.allowsMigration(on: "r1", appLabel: "auth"))
        #expect(chain.allowsMigration(on: "unknown", appLabel: "auth"))
    }
}
