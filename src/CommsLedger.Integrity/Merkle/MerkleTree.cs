namespace CommsLedger.Integrity.Merkle;

/// <summary>
/// RFC 9162 §2.1 Merkle Tree Hash, inclusion paths and consistency proofs, computed over a list of leaf hashes
/// (the <c>HashLeaf</c> of each entry, in log order). Pure; O(n) hashing per call.
/// </summary>
public static class MerkleTree
{
    /// <summary>MTH(D[n]) over the first <paramref name="treeSize"/> leaves.</summary>
    public static Hash256 RootHash(IReadOnlyList<Hash256> leafHashes, long treeSize)
    {
        CheckSize(leafHashes, treeSize);
        if (treeSize == 0)
        {
            return TreeHashing.EmptyRoot;
        }

        Span<byte> root = stackalloc byte[Hash256.Size];
        SubtreeHash(leafHashes, 0, treeSize, root);
        return Hash256.FromBytes(root);
    }

    public static Hash256 RootHash(IReadOnlyList<Hash256> leafHashes) => RootHash(leafHashes, leafHashes.Count);

    /// <summary>PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf <paramref name="leafIndex"/> in the tree
    /// of the first <paramref name="treeSize"/> leaves, from the leaf's sibling up to the root's child.</summary>
    public static IReadOnlyList<Hash256> InclusionProof(IReadOnlyList<Hash256> leafHashes, long leafIndex, long treeSize)
    {
        CheckSize(leafHashes, treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(leafIndex), leafIndex, $"Leaf index must be in [0, {treeSize}).");
        }

        var path = new List<Hash256>();
        AppendPath(leafHashes, leafIndex, 0, treeSize, path);
        return path;
    }

    /// <summary>PROOF(m, D[n]) of RFC 9162 §2.1.4.1: proves the tree of <paramref name="oldSize"/> leaves is a
    /// prefix of the tree of <paramref name="newSize"/> leaves. Empty when the sizes are equal or the old tree is empty.</summary>
    public static IReadOnlyList<Hash256> ConsistencyProof(IReadOnlyList<Hash256> leafHashes, long oldSize, long newSize)
    {
        CheckSize(leafHashes, newSize);
        if (oldSize < 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), oldSize, $"Old size must be in [0, {newSize}].");
        }

        var proof = new List<Hash256>();
        if (oldSize > 0 && oldSize < newSize)
        {
            AppendSubproof(leafHashes, oldSize, 0, newSize, startsAtOldRoot: true, proof);
        }

        return proof;
    }

    private static void AppendPath(IReadOnlyList<Hash256> leaves, long m, long start, long n, List<Hash256> path)
    {
        if (n == 1)
        {
            return;
        }

        var k = TreeHashing.SplitPoint(n);
        if (m < k)
        {
            AppendPath(leaves, m, start, k, path);
            path.Add(Subtree(leaves, start + k, n - k));
        }
        else
        {
            AppendPath(leaves, m - k, start + k, n - k, path);
            path.Add(Subtree(leaves, start, k));
        }
    }

    private static void AppendSubproof(IReadOnlyList<Hash256> leaves, long m, long start, long n, bool startsAtOldRoot, List<Hash256> proof)
    {
        if (m == n)
        {
            if (!startsAtOldRoot)
            {
                proof.Add(Subtree(leaves, start, n));
            }

            return;
        }

        var k = TreeHashing.SplitPoint(n);
        if (m <= k)
        {
            AppendSubproof(leaves, m, start, k, startsAtOldRoot, proof);
            proof.Add(Subtree(leaves, start + k, n - k));
        }
        else
        {
            AppendSubproof(leaves, m - k, start + k, n - k, startsAtOldRoot: false, proof);
            proof.Add(Subtree(leaves, start, k));
        }
    }

    private static Hash256 Subtree(IReadOnlyList<Hash256> leaves, long start, long count)
    {
        Span<byte> digest = stackalloc byte[Hash256.Size];
        SubtreeHash(leaves, start, count, digest);
        return Hash256.FromBytes(digest);
    }

    private static void SubtreeHash(IReadOnlyList<Hash256> leaves, long start, long count, Span<byte> destination)
    {
        if (count == 1)
        {
            leaves[checked((int)start)].Bytes.CopyTo(destination);
            return;
        }

        var k = TreeHashing.SplitPoint(count);
        Span<byte> left = stackalloc byte[Hash256.Size];
        Span<byte> right = stackalloc byte[Hash256.Size];
        SubtreeHash(leaves, start, k, left);
        SubtreeHash(leaves, start + k, count - k, right);
        TreeHashing.HashChildren(left, right, destination);
    }

    private static void CheckSize(IReadOnlyList<Hash256> leafHashes, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (treeSize < 0 || treeSize > leafHashes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(treeSize), treeSize, $"Tree size must be in [0, {leafHashes.Count}].");
        }
    }
}
