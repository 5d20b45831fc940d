import Dispatch

/// Lets parallel loops (`DispatchQueue.concurrentPerform`) fill distinct slots of one buffer;
/// each iteration writes only its own index, which is what makes the unchecked Sendable sound.
public struct UnsafeSlots<Element>: @unchecked Sendable {
    public let buffer: UnsafeMutableBufferPointer<Element>
    public init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    public subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}

/// `transform` of every element, worked out on all cores, in the elements' order.
public func concurrentMap<Element: Sendable, Result>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
    var results = [Result?](repeating: nil, count: elements.count)
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = UnsafeSlots(buffer)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots[index] = transform(elements[index])
        }
    }
    return results.map { $0! }
}
