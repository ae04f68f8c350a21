using System.Buffers;
using System.Security.Cryptography;

namespace CommsLedger.Integrity.Merkle;

/// <summary>The two hash functions of RFC 9162 §2.1.1: leaves are prefixed with 0x00, interior nodes with 0x01,
/// so a leaf can never be passed off as a node (second-preimage resistance).</summary>
public static class TreeHashing
{
    public const byte LeafPrefix = 0x00;
    public const byte NodePrefix = 0x01;

    /// <summary>MTH({}) = SHA-256 of the empty string.</summary>
    public static Hash256 EmptyRoot { get; } = Hash256.Of([]);

    public static Hash256 HashLeaf(ReadOnlySpan<byte> leafData)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        HashLeaf(leafData, digest);
        return Hash256.FromBytes(digest);
    }

    public static void HashLeaf(ReadOnlySpan<byte> leafData, Span<byte> destination)
    {
        var length = leafData.Length + 1;
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var input = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        input[0] = LeafPrefix;
        leafData.CopyTo(input[1..]);
        SHA256.HashData(input, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static Hash256 HashChildren(Hash256 left, Hash256 right)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        HashChildren(left.Bytes, right.Bytes, digest);
        return Hash256.FromBytes(digest);
    }

    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        var length = 1 + left.Length + right.Length;
        Span<byte> input = length <= 1 + (2 * Hash256.Size) ? stackalloc byte[length] : new byte[length];
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        SHA256.HashData(input, destination);
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2): the RFC's split point k.</summary>
    internal static long SplitPoint(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));
}
