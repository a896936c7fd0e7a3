import Foundation

/// Source files shared by the values of one encoding: each file's text is
/// written once and every reference to it (a page's labels, objects and
/// diagnostics all name its file) is a number. Put a table into the
/// encoder's and decoder's `userInfo` under ``userInfoKey``; without one a
/// file is written out in full wherever it appears.
public final class SourceFileTable: @unchecked Sendable {
    public static let userInfoKey = CodingUserInfoKey(rawValue: "vellum.sourceFiles")!
    private let lock = NSLock()
    public private(set) var files: [SourceFile] = []
    private var numbers: [ObjectIdentifier: Int] = [:]

    public init(files: [SourceFile] = []) {
        self.files = files
        for (i, file) in files.enumerated() { numbers[ObjectIdentifier(file)] = i }
    }

    @usableFromInline func number(of file: SourceFile) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[ObjectIdentifier(file)] { return known }
        files.append(file)
        numbers[ObjectIdentifier(file)] = files.count - 1
        return files.count - 1
    }

    @usableFromInline func file(numbered number: Int) -> SourceFile? {
        lock.lock()
        defer { lock.unlock() }
        return files.indices.contains(number) ? files[number] : nil
    }
}

extension SourceFile: Codable {
    public convenience init(from decoder: any Decoder) throws {
        if let table = decoder.userInfo[SourceFileTable.userInfoKey] as? SourceFileTable {
            let number = try decoder.singleValueContainer().decode(Int.self)
            guard let file = table.file(numbered: number) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "no source file numbered \(number)"))
            }
            self.init(copying: file)
            return
        }
        var container = try decoder.unkeyedContainer()
        self.init(path: try container.decode(String.self), text: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        if let table = encoder.userInfo[SourceFileTable.userInfoKey] as? SourceFileTable {
            var container = encoder.singleValueContainer()
            try container.encode(table.number(of: self))
            return
        }
        var container = encoder.unkeyedContainer()
        try container.encode(path)
        try container.encode(text)
    }
}
