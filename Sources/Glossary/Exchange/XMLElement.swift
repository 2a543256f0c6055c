/// An element of an XML document read by ``XMLReader``, with the place where its start
/// tag begins.
struct XMLElement {
    /// The name as written, prefix included.
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [XMLNode]
    var location: SourceLocation

    /// The name without a namespace prefix.
    var localName: Substring { name.split(separator: ":").last ?? Substring(name) }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    /// Child elements, in order.
    var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// Child elements with this local name.
    func elements(named name: String) -> [XMLElement] { elements.filter { $0.localName == name } }

    /// All the text inside, with elements' text included (as TBX's `hi` marks need).
    var text: String {
        children.map { node in
            switch node {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }
}

indirect enum XMLNode {
    case element(XMLElement)
    case text(String)
}

/// Why a file is not well-formed XML, and where.
struct XMLError: Error, CustomStringConvertible {
    var location: SourceLocation
    var message: String
    var description: String { "\(location): \(message)" }
}
