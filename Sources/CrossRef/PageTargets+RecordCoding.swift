import DocTree

/// The build cache's hand-written form of what a page contributes to the site
/// index (see ``RecordCodable``): read for every page after any edit.
extension Label: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(name: try reader.string(), document: try reader.string(), anchor: try reader.string(),
                  title: try reader.optionalString(), elementKind: try reader.string(), file: try reader.file(),
                  range: try reader.optional())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(name)
        writer.write(document)
        writer.write(anchor)
        writer.write(title)
        writer.write(elementKind)
        writer.write(file)
        writer.write(range)
    }
}

extension SectionOutline: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(title: try reader.string(), anchor: try reader.string(), children: try reader.array())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(title)
        writer.write(anchor)
        writer.write(children)
    }
}

extension ObjectTarget: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(domain: try reader.string(), type: try reader.string(), name: try reader.string(),
                  document: try reader.string(), anchor: try reader.string(), file: try reader.file(),
                  range: try reader.optional(), title: try reader.optionalString(), inInventory: try reader.bool(),
                  overload: try reader.optionalString(), isAlias: try reader.bool())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(domain)
        writer.write(type)
        writer.write(name)
        writer.write(document)
        writer.write(anchor)
        writer.write(file)
        writer.write(range)
        writer.write(title)
        writer.write(inInventory)
        writer.write(overload)
        writer.write(isAlias)
    }
}

extension PageTargets: RecordCodable {
    package init(from reader: inout RecordReader) throws {
        self.init(document: try reader.string(), title: try reader.optionalString(), labels: try reader.array(),
                  anchors: try reader.stringSet(), outline: try reader.array(), objects: try reader.array(),
                  movedIDs: try reader.stringDictionary(), file: try reader.file())
    }

    package func write(to writer: inout RecordWriter) {
        writer.write(document)
        writer.write(title)
        writer.write(labels)
        writer.write(anchors)
        writer.write(outline)
        writer.write(objects)
        writer.write(movedIDs)
        writer.write(file)
    }
}
