namespace CommsLedger.Integrity.Merkle;

/// <summary>RFC 9162 §2.1.3.2 and §2.1.4.2: check inclusion and consistency proofs against root hashes.
/// Needs no leaves, so it runs on a reviewer's machine with nothing but the proof.</summary>
public static class ProofVerification
{
    public static bool VerifyInclusion(long leafIndex, long treeSize, Hash256 leafHash, IReadOnlyList<Hash256> auditPath, Hash256 rootHash)
    {
        ArgumentNullException.ThrowIfNull(auditPath);
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            return false;
        }

        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in auditPath)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = TreeHashing.HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = TreeHashing.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r == rootHash;
    }

    public static bool VerifyConsistency(long oldSize, long newSize, Hash256 oldRoot, Hash256 newRoot, IReadOnlyList<Hash256> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize < 0 || oldSize > newSize)
        {
            return false;
        }

        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot == newRoot;
        }

        if (oldSize == 0)
        {
            return proof.Count == 0;
        }

        if (proof.Count == 0)
        {
            return false;
        }

        var path = IsPowerOfTwo(oldSize) ? [oldRoot, .. proof] : proof.ToList();
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = TreeHashing.HashChildren(c, fr);
                sr = TreeHashing.HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = TreeHashing.HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return fr == oldRoot && sr == newRoot && sn == 0;
    }

    private static bool IsPowerOfTwo(long n) => (n & (n - 1)) == 0;
}
