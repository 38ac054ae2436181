import Testing
import PropertyBased
@testable import RedactScan

/// `StableSort` against the standard library's stable sort: same order, equal keys in their
/// original order, whatever the input's runs; and no allocation once its buffer has grown.
@Suite struct StableSortTests {
    struct Item: Equatable { var key: Int; var seq: Int }

    static func check(_ keys: [Int], range: Range<Int>? = nil) {
        var items = keys.enumerated().map { Item(key: $0.element, seq: $0.offset) }
        var expected = items
        let r = range ?? items.indices
        expected[r].sort { $0.key < $1.key }  // the standard library's sort is stable
        var buffer: [Item] = [Item(key: -1, seq: -1)]
        StableSort.sort(&items, range: range, buffer: &buffer) { $0.key < $1.key }
        #expect(items == expected)
    }

    @Test func randomArraysWithRepeatedKeys() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...9).array(of: 0...300)) { keys in
            Self.check(keys)
        }
    }

    @Test func sortedRunsOneAfterAnother() async {
        // As candidates arrive: a few sorted runs, each from one source.
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000).array(of: 0...80).array(of: 1...12)) { runs in
            Self.check(runs.flatMap { $0.sorted() })
        }
    }

    @Test(arguments: [0, 1, 2, 16, 17, 33, 1_000])
    func edgeSizes(_ n: Int) {
        Self.check((0..<n).map { ($0 * 7_919) % 13 })
        Self.check(Array((0..<n).reversed()))
        Self.check(Array(0..<n))
    }

    @Test func aSubrangeOnly() {
        let keys = (0..<200).map { ($0 * 31) % 17 }
        Self.check(keys, range: 50..<180)
        Self.check(keys, range: 190..<200)
    }

    @Test func theBufferKeepsItsCapacity() {
        var buffer: [Item] = []
        var items = (0..<500).map { Item(key: ($0 * 7_919) % 101, seq: $0) }
        StableSort.sort(&items, buffer: &buffer) { $0.key < $1.key }
        let capacity = buffer.capacity
        #expect(capacity >= 500)
        items.shuffle()
        StableSort.sort(&items, buffer: &buffer) { $0.key < $1.key }
        #expect(buffer.capacity == capacity)
        #expect(zip(items, items.dropFirst()).allSatisfy { $0.key <= $1.key })
    }
}
