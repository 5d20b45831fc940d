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
