import Testing
import Routers

private let user = ModelDescriptor(appLabel: "auth", modelName: "user")
private let event = ModelDescriptor(appLabel: "analytics", modelName: "event", tags: ["warehouse"])

/// Has an opinion about analytics models only.
private struct AnalyticsRouter: DatabaseRouter {
    func databaseForRead(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? {
        model.appLabel == "analytics" ? "warehouse" : nil
    }
    func databaseForWrite(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? {
        model.appLabel == "analytics" ? "warehouse" : nil
    }
    func allowRelation(_ first: RoutedObject, _ second: RoutedObject, hints: RoutingHints) -> Bool? {
        first.model.appLabel == "analytics" || second.model.appLabel == "analytics" ? false : nil
    }
    func allowMigrate(_ database: DatabaseAlias, appLabel: String, modelName: String?, hints: RoutingHints) -> Bool? {
        appLabel == "analytics" ? database == "warehouse" : nil
    }
}

/// Implements nothing: every answer comes from the protocol's defaults.
private struct SilentRouter: DatabaseRouter {}

/// Always answers, to check ordering.
private struct FixedRouter: DatabaseRouter {
    let alias: DatabaseAlias
    func databaseForRead(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? { alias }
    func databaseForWrite(_ model: ModelDescriptor, hints: RoutingHints) -> DatabaseAlias? { alias }
}

@Suite struct RouterChainTests {
    @Test func defaultImplementationsHaveNoOpinion() {
        let router = SilentRouter()
        #expect(router.databaseForRead(user, hints: .none) == nil)
        #expect(router.databaseForWrite(user, hints: .none) == nil)
        #expect(router.allowRelation(RoutedObject(model: user), RoutedObject(model: user), hints: .none) == nil)
        #expect(router.allowMigrate("default", appLabel: "auth", modelName: nil, hints: .none) == nil)
    }

    @Test func emptyChainFallsBackToDefault() {
        let chain = RouterChain([])
        #expect(chain.readDatabase(for: user) == .default)
        #expect(chain.writeDatabase(for: user) == "default")
        #expect(chain.allowsMigration(on: "anything", appLabel: "auth"))
    }

    @Test func customDefaultDatabase() {
        let chain = RouterChain([SilentRouter()], defaultDatabase: "main")
        #expect(chain.readDatabase(for: user) == "main")
        #expect(chain.writeDatabase(for: user) == "main")
    }

    @Test func instanceHintWinsOverDefault() {
        let chain = RouterChain([SilentRouter()])
        let hints = RoutingHints(instance: RoutedObject(model: user, database: "legacy"))
        #expect(chain.readDatabase(for: user, hints: hints) == "legacy")
        #expect(chain.writeDatabase(for: user, hints: hints) == "legacy")
        // An unsaved instance has no database: the default applies.
        #expect(chain.readDatabase(for: user, hints: RoutingHints(instance: RoutedObject(model: user))) == "default")
    }

    @Test func firstOpinionWins() {
        let chain = RouterChain([SilentRouter(), AnalyticsRouter(), FixedRouter(alias: "other")])
        #expect(chain.readDatabase(for: event) == "warehouse")
        #expect(chain.writeDatabase(for: event) == "warehouse")
        #expect(chain.readDatabase(for: user) == "other")
        let reversed = RouterChain([FixedRouter(alias: "other"), AnalyticsRouter()])
        #expect(reversed.readDatabase(for: event) == "other")
    }

    @Test func relationFallbackComparesDatabases() {
        let chain = RouterChain([AnalyticsRouter()])
        let a = RoutedObject(model: user, database: "default")
        let b = RoutedObject(model: user, database: "default")
        let c = RoutedObject(model: user, database: "other")
        let unsaved = RoutedObject(model: user)
        #expect(chain.allowsRelation(a, b))
        #expect(!chain.allowsRelation(a, c))
        #expect(chain.allowsRelation(a, unsaved), "unsaved objects count as the default database")
        #expect(!chain.allowsRelation(a, RoutedObject(model: event, database: "default")), "router says no")
    }

    @Test func migrationVerdicts() {
        let chain = RouterChain([AnalyticsRouter()])
        #expect(chain.allowsMigration(on: "warehouse", appLabel: "analytics"))
        #expect(!chain.allowsMigration(on: "default", appLabel: "analytics"))
        #expect(chain.allowsMigration(on: "default", appLabel: "auth", modelName: "user"))
    }

    @Test func aliasBasics() {
        let alias = DatabaseAlias("replica")
        #expect(alias.description == "replica")
        #expect(alias == DatabaseAlias(rawValue: "replica"))
        #expect(DatabaseAlias("a") < DatabaseAlias("b"))
        #expect(user.description == "auth.user")
    }
}
