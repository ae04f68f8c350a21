using System.Collections;

namespace CommsLedger.Integrity.Merkle;

/// <summary>Leaf hashes packed 32 bytes apiece, for building proofs over large logs without an object per leaf.</summary>
public sealed class LeafHashList : IReadOnlyList<Hash256>
{
    private byte[] _buffer;

    public LeafHashList(int capacity = 1024) => _buffer = new byte[Math.Max(1, capacity) * Hash256.Size];

    public int Count { get; private set; }

    public Hash256 this[int index] =>
        (uint)index < (uint)Count
            ? Hash256.FromBytes(_buffer.AsSpan(index * Hash256.Size, Hash256.Size))
            : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != Hash256.Size)
        {
            throw new ArgumentException($"A leaf hash has {Hash256.Size} bytes.", nameof(leafHash));
        }

        if ((Count + 1) * Hash256.Size > _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        leafHash.CopyTo(_buffer.AsSpan(Count * Hash256.Size));
        Count++;
    }

    public void Add(Hash256 leafHash) => Add(leafHash.Bytes);

    public IEnumerator<Hash256> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
