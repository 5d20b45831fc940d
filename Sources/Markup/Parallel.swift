import Dispatch

/// The one way to run a loop on all cores: `body` is called once for each of `0..<count`, from
/// several threads at once, and the call returns when all are done.
public func concurrentForEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
    DispatchQueue.concurrentPerform(iterations: count, execute: body)
}

/// `transform` of every element, worked out on all cores, in the elements' order.
public func concurrentMap<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
    var results = [Result?](repeating: nil, count: elements.count)
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = Slots(buffer)
        concurrentForEach(elements.count) { index in
            slots[index] = transform(elements[index])
        }
    }
    return results.map { $0! }
}

/// Lets the iterations of `concurrentMap` fill distinct slots of one buffer.
///
/// Why `@unchecked Sendable` is sound here: the buffer outlives the loop (it is the argument of
/// `withUnsafeMutableBufferPointer`, which returns only after `concurrentPerform` has), every
/// iteration writes only the slot of its own index (so no two threads touch the same memory) and
/// nothing reads the buffer until all iterations have finished (`concurrentPerform` returning
/// orders those writes before the reads). The results themselves are Sendable; what the compiler
/// cannot see is that the slots are owned one per index. Nothing outside this file can make one.
private struct Slots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}
