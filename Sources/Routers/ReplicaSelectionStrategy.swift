/// Picks one database out of a list of equally suitable candidates.
///
/// ``PrimaryReplicaRouter`` and ``MultiPrimaryRouter`` use a strategy to
/// spread reads. Implementations must be safe to call from many threads.
public protocol ReplicaSelectionStrategy: Sendable {
    /// Picks one candidate.
    ///
    /// - Parameter candidates: The databases to choose from, in a stable order; never empty.
    /// - Returns: One of `candidates`.
    func select(from candidates: [DatabaseAlias]) -> DatabaseAlias
}

/// Cycles through the candidates in order: first, second, …, last, first …
///
/// The position is shared by all callers, so concurrent reads are spread evenly.
public final class RoundRobinSelection: ReplicaSelectionStrategy {
    private let counter = Locked(0)

    /// Creates a strategy that starts with the first candidate.
    public init() {}

    /// Picks the next candidate in turn.
    ///
    /// - Parameter candidates: The databases to choose from; never empty.
    /// - Returns: The candidate whose turn it is.
    public func select(from candidates: [DatabaseAlias]) -> DatabaseAlias {
        let turn = counter.withLock { value -> Int in
            defer { value &+= 1 }
            return value
        }
        return candidates[Int(UInt(bitPattern: turn) % UInt(candidates.count))]
    }
}

/// Picks a candidate uniformly at random.
///
/// Pass a ``SeededGenerator`` to make the sequence of choices reproducible in tests.
public final class RandomSelection<Generator: RandomNumberGenerator & Sendable>: ReplicaSelectionStrategy {
    private let generator: Locked<Generator>

    /// Creates a strategy drawing from the given generator.
    ///
    /// - Parameter generator: The source of randomness.
    public init(generator: Generator) {
        self.generator = Locked(generator)
    }

    /// Picks a random candidate.
    ///
    /// - Parameter candidates: The databases to choose from; never empty.
    /// - Returns: A candidate chosen uniformly at random.
    public func select(from candidates: [DatabaseAlias]) -> DatabaseAlias {
        let index = generator.withLock { Int.random(in: 0..<candidates.count, using: &$0) }
        return candidates[index]
    }
}

extension RandomSelection where Generator == SystemRandomNumberGenerator {
    /// Creates a strategy drawing from the system's random number generator.
    public convenience init() {
        self.init(generator: SystemRandomNumberGenerator())
    }
}

/// A small, fast, seedable random number generator (SplitMix64).
///
/// The same seed always produces the same sequence, which makes
/// ``RandomSelection`` deterministic in tests. Not suitable for cryptography.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator.
    ///
    /// - Parameter seed: The starting state; equal seeds give equal sequences.
    public init(seed: UInt64) { state = seed }

    /// Returns the next value in the sequence.
    ///
    /// - Returns: 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
