/// The members of one Python scope in definition order, with lookup by name
/// (rebinding a name replaces the earlier definition in place, as at run time).
struct PythonMemberList {
    private(set) var items: [APIObject] = []
    private var positions: [String: Int] = [:]

    func index(named name: String) -> Int? { positions[name] }

    subscript(index: Int) -> APIObject {
        get { items[index] }
        set { items[index] = newValue }
    }

    mutating func add(_ object: APIObject) {
        if let index = positions[object.name] {
            items[index] = object
        } else {
            positions[object.name] = items.count
            items.append(object)
        }
    }
}
