import Testing
import Routers

private let user = ModelDescriptor(appLabel: "auth", modelName: "user")
private let invoice = ModelDescriptor(appLabel: "billing", modelName: "invoice", tags: ["money", "archive"])
private let stray = ModelDescriptor(appLabel: "misc", modelName: "thing")

private func namedRouter(health: any HealthChecking = AlwaysHealthy()) -> MultiPrimaryRouter {
    MultiPrimaryRouter(clusters: ["db_auth": ["db_auth_r1"], "db_billing": ["db_billing_r1", "db_billing_r2"]],
                       rule: .named(prefix: "db_"), readsFromPrimary: false, health: health)
}

@Suite struct MultiPrimaryRouterTests {
    @Test func clustersAreSortedAndComplete() {
        let router = namedRouter()
        #expect(router.primaries == ["db_auth", "db_billing"])
        #expect(router.cluster(for: invoice)?.replicas == ["db_billing_r1", "db_billing_r2"])
        #expect(router.cluster(for: stray) == nil)
    }

    @Test func namingRuleRoutesWritesAndReads() {
        let router = namedRouter()
        #expect(router.databaseForWrite(user, hints: .none) == "db_auth")
        #expect(router.databaseForWrite(invoice, hints: .none) == "db_billing")
        #expect(router.databaseForRead(user, hints: .none) == "db_auth_r1")
        let billingReads = (0..<4).compactMap { _ in router.databaseForRead(invoice, hints: .none) }
        #expect(Set(billingReads) == ["db_billing_r1", "db_billing_r2"])
    }

    @Test func unknownModelsGetNoOpinion() {
        let router = namedRouter()
        #expect(router.databaseForRead(stray, hints: .none) == nil)
        #expect(router.databaseForWrite(stray, hints: .none) == nil)
        #expect(RouterChain([router]).writeDatabase(for: stray) == "default")
    }

    @Test func suffixNaming() {
        let rule = PrimaryRule.named(suffix: "-primary")
        #expect(rule.primary(for: user, hints: .none) == "auth-primary")
    }

    @Test func taggingRuleUsesFirstSortedTag() {
        let rule = PrimaryRule.tagged(["money": "ledger", "archive": "cold"])
        #expect(rule.primary(for: invoice, hints: .none) == "cold")
        #expect(rule.primary(for: user, hints: .none) == nil)
        let router = MultiPrimaryRouter(clusters: ["ledger": ["ledger-r"], "cold": []],
                                        rule: .tagged(["money": "ledger"]))
        #expect(router.databaseForWrite(invoice, hints: .none) == "ledger")
        #expect(router.databaseForWrite(user, hints: .none) == nil)
    }

    @Test func customRule() {
        let router = MultiPrimaryRouter(clusters: ["a": [], "b": []],
                                        rule: .custom { model, hints in hints.extra["shard"].map { DatabaseAlias($0) } })
        #expect(router.databaseForWrite(user, hints: RoutingHints(extra: ["shard": "b"])) == "b")
        #expect(router.databaseForWrite(user, hints: .none) == nil)
        #expect(router.databaseForWrite(user, hints: RoutingHints(extra: ["shard": "zzz"])) == nil,
                "a rule naming an unconfigured primary gives no opinion")
    }

    @Test func healthFallbackInsideACluster() {
        let health = HealthRegistry()
        let router = namedRouter(health: health)
        health.markUnhealthy("db_auth_r1")
        #expect(router.databaseForRead(user, hints: .none) == "db_auth")
        health.markUnhealthy("db_billing_r1")
        #expect((0..<3).compactMap { _ in router.databaseForRead(invoice, hints: .none) }
                == ["db_billing_r2", "db_billing_r2", "db_billing_r2"])
    }

    @Test func relationsStayInsideOneCluster() {
        let router = namedRouter()
        let a = RoutedObject(model: user, database: "db_auth")
        let aReplica = RoutedObject(model: user, database: "db_auth_r1")
        let b = RoutedObject(model: invoice, database: "db_billing_r2")
        #expect(router.allowRelation(a, aReplica, hints: .none) == true)
        #expect(router.allowRelation(a, b, hints: .none) == false)
        #expect(router.allowRelation(a, RoutedObject(model: user, database: "x"), hints: .none) == nil)
        #expect(router.allowRelation(a, RoutedObject(model: user), hints: .none) == nil)
    }

    @Test func migrationsRunOnTheOwningPrimary() {
        let router = namedRouter()
        #expect(router.allowMigrate("db_auth", appLabel: "auth", modelName: "user", hints: .none) == true)
        #expect(router.allowMigrate("db_billing", appLabel: "auth", modelName: "user", hints: .none) == false)
        #expect(router.allowMigrate("db_auth_r1", appLabel: "auth", modelName: nil, hints: .none) == false)
        #expect(router.allowMigrate("elsewhere", appLabel: "auth", modelName: nil, hints: .none) == nil)
    }

    @Test func taggedMigrationsUseTheModelHint() {
        let router = MultiPrimaryRouter(clusters: ["ledger": [], "main": []], rule: .tagged(["money": "ledger"]))
        let hints = RoutingHints(model: invoice)
        #expect(router.allowMigrate("ledger", appLabel: "billing", modelName: "invoice", hints: hints) == true)
        #expect(router.allowMigrate("main", appLabel: "billing", modelName: "invoice", hints: hints) == false)
        #expect(router.allowMigrate("ledger", appLabel: "billing", modelName: "invoice", hints: .none) == nil)
    }
}
