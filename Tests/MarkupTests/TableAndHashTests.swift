import Markup
import Testing

@Suite struct HashSlotsTests {
    /// Hashes below 2^31 start probing at `hash & mask`, so these are chosen to meet.
    @Test func keysThatMeetInOneSlotAreAllFound() {
        var table = HashSlots(capacity: 16)
        let size = table.slotCount
        #expect(size == 32)
        let colliding: [UInt64] = [5, 5 + 32, 5 + 64, 5 + 96]
        #expect(Set(colliding.map { HashSlots.home(of: $0, slotCount: size) }) == [5])
        for (number, hash) in colliding.enumerated() {
            #expect(table.insert(hash) == (number, true))
        }
        for (number, hash) in colliding.enumerated() {
            #expect(table[hash] == number)
            #expect(table.insert(hash) == (number, false))
        }
        #expect(table[5 + 128] == nil)
        #expect(table.count == 4)
    }

    /// Probing goes on from the last slot to the first.
    @Test func probingWrapsAroundTheEnd() {
        var table = HashSlots(capacity: 16)
        let wrapping: [UInt64] = [31, 63, 95, 1]
        #expect(HashSlots.home(of: 31, slotCount: 32) == 31 && HashSlots.home(of: 63, slotCount: 32) == 31)
        for hash in wrapping { table.insert(hash) }
        #expect(wrapping.map { table[$0] } == [0, 1, 2, 3])
        #expect(table[127] == nil)
    }

    /// The probe starts from the hash with its high bits folded in, so hashes that differ only
    /// there do not all meet.
    @Test func highBitsSpreadTheStart() {
        #expect(HashSlots.home(of: 1 << 40, slotCount: 1024) == (1 << 9))
        #expect(HashSlots.home(of: (1 << 40) | 3, slotCount: 1024) == (1 << 9) | 3)
        #expect(HashSlots.home(of: 0xFFFF_FFFF_FFFF_FFFF, slotCount: 16) == 0)
    }

    @Test func growsAndKeepsEveryNumber() {
        var table = HashSlots(capacity: 1)
        #expect(table.slotCount == 16)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hashes: [UInt64] = []
        for number in 0..<10_000 {
            hash = hash &* 6364136223846793005 &+ 1442695040888963407
            hashes.append(hash)
            #expect(table.insert(hash).number == number)
        }
        #expect(table.count == 10_000)
        #expect(table.slotCount == 32_768)  // more than half taken doubles it: never fuller than half
        #expect(hashes.indices.allSatisfy { table[hashes[$0]] == $0 })
    }

    /// 0 marks an empty slot inside the table; the hash 0 is still a key like any other.
    @Test func theHashZeroIsAKey() {
        var table = HashSlots()
        #expect(table[0] == nil)
        #expect(table.insert(7) == (0, true))
        #expect(table.insert(0) == (1, true))
        #expect(table.insert(0) == (1, false))
        #expect(table[0] == 1 && table[7] == 0)
        #expect(table.count == 2)
    }
}

@Suite struct StableHashTests {
    /// Caches on disk are keyed by these values: they must never change between runs, machines or
    /// versions of Swift (expected values worked out independently, in Python, from the definition).
    @Test func valuesAreFixed() {
        #expect(StableHash.of("") == 0xaf63_bd4a_d995_50fb)
        #expect(StableHash.of("a") == 0x089b_e302_ce5a_11f3)
        #expect(StableHash.of("valgrund") == 0x2f22_b544_0ae0_7148)
        #expect(StableHash.of("handbok/uppstart.html") == 0x4806_a86a_4270_c0ec)
        #expect(StableHash.of("Jämställdhet 🌍 år 2026") == 0xff60_797d_1cce_14b0)
        #expect(StableHash().value == 0xcbf2_9ce4_8422_2325)
    }

    /// A text's length is part of its hash, so two texts added one after the other differ from
    /// the same bytes split elsewhere.
    @Test func textsAreDelimited() {
        var ab = StableHash(), a_b = StableHash()
        ab.add("ab"); ab.add("c")
        a_b.add("a"); a_b.add("bc")
        #expect(ab.value != a_b.value)
        var numbers = StableHash(), same = StableHash()
        numbers.add(-1)
        same.add(UInt64.max)
        #expect(numbers.value == same.value)
    }
}

@Suite struct ByteSearchTests {
    private func find(_ needle: StaticString, in text: String, from: Int = 0) -> Int? {
        var text = text
        return text.withUTF8 { ByteSearch.find(needle, in: $0, from: from) }
    }

    private func findLast(_ needle: StaticString, in text: String, after: Int = 0) -> Int? {
        var text = text
        return text.withUTF8 { ByteSearch.findLast(needle, in: $0, after: after) }
    }

    @Test func findsTheFirstWholeMatch() {
        #expect(find("<main", in: "<ma <mai <main>") == 9)
        #expect(find("ab", in: "aab") == 1)
        #expect(find("ab", in: "ab") == 0)
        #expect(find("ab", in: "a") == nil)
        #expect(find("ab", in: "") == nil)
        #expect(find("", in: "abc") == nil)
        // A match cut off by the end is no match.
        #expect(find("main>", in: "<main") == nil)
    }

    @Test func startsWhereItIsTold() {
        #expect(find("x", in: "x-x-x", from: 1) == 2)
        #expect(find("x", in: "x-x-x", from: 5) == nil)
        #expect(find("ö", in: "åäö ö") == 4)
    }

    @Test func findsTheLastMatchNotBeforeAfter() {
        #expect(findLast("</main>", in: "</main></main>x") == 7)
        #expect(findLast("ab", in: "ab--ab", after: 1) == 4)
        #expect(findLast("ab", in: "ab----", after: 1) == nil)
        #expect(findLast("ab", in: "ab") == 0)
        #expect(findLast("abc", in: "ab") == nil)
        #expect(findLast("", in: "ab") == nil)
    }
}

@Suite struct ParallelTests {
    @Test func concurrentMapKeepsTheOrder() {
        let numbers = Array(0..<10_000)
        #expect(concurrentMap(numbers) { $0 * 3 } == numbers.map { $0 * 3 })
        #expect(concurrentMap([Int]()) { $0 }.isEmpty)
    }
}
