import Foundation
import SAMLXML

/// The elements of a metadata message that may carry `validUntil`: the EntitiesDescriptors, the
/// EntityDescriptors and their roles. Shared by the validity rules.
enum MetadataValidity {
    struct Item {
        let element: XMLNode
        let entityID: String?
        let validUntil: String
    }

    static func items(in message: SAMLMessage) -> [Item] {
        var result: [Item] = []
        func add(_ element: XMLNode, _ entityID: String?) {
            if let value = element.attribute("validUntil") { result.append(Item(element: element, entityID: entityID, validUntil: value.trimmed)) }
        }
        if message.kind == .entitiesDescriptor {
            add(message.root, nil)
            for nested in message.root.descendants("EntitiesDescriptor", namespace: XMLNamespaces.metadata) { add(nested, nil) }
        }
        for entity in message.entities {
            add(entity.element, entity.entityID)
            for role in entity.roleDescriptors { add(role.element, entity.entityID) }
        }
        return result
    }

    static func name(_ item: Item) -> String {
        let name = item.element.localName
        if let entityID = item.entityID { return name == "EntityDescriptor" ? "the EntityDescriptor '\(entityID)'" : "the \(name) of '\(entityID)'" }
        if let aggregate = item.element.attribute("Name") { return "the \(name) '\(aggregate)'" }
        return "the \(name)"
    }
}
