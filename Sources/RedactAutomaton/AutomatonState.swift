/// Where a search stands between two buffers: the only thing a stream needs to carry.
///
/// A DFA's future depends on nothing but its current state, so scanning a text in pieces
/// with the state carried from one `scan` call to the next reports exactly the matches of
/// one call over the whole text, whatever the piece sizes (down to one byte). A match that
/// straddles a boundary is reported by the call that sees its last byte, with its absolute
/// end offset; the caller keeps enough of the previous buffer if it needs the matched bytes.
///
/// The value is only meaningful with the automaton that produced it. Start every stream at
/// `automaton.startState`.
@frozen
public struct AutomatonState: Sendable, Hashable {
    /// The premultiplied state id (row offset into the transition table); 0 is the start state.
    @usableFromInline var id: Int32

    @inlinable init(id: Int32) { self.id = id }

    /// Whether no pattern is partly matched: the stream could be cut here and restarted.
    @inlinable public var isStart: Bool { id == 0 }
}
