/// How pages and folders are sorted everywhere: by `order`, those without one after, then by path,
/// so that the result never depends on the order in which the file system lists files.
public func precedes(order a: Int?, path pathA: String, before b: Int?, path pathB: String) -> Bool {
    switch (a, b) {
    case let (x?, y?) where x != y: return x < y
    case (_?, nil): return true
    case (nil, _?): return false
    default: return pathA < pathB
    }
}
