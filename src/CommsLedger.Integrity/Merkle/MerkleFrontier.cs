namespace CommsLedger.Integrity.Merkle;

/// <summary>
/// The right edge of an RFC 9162 tree: the roots of its perfect subtrees, one per set bit of the size.
/// Appending is amortised O(1) hashes and the root is O(log n), so a verifier can stream millions of leaves
/// and still ask for the root at any checkpoint size it passes.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<(Hash256 Hash, long Size)> _subtrees = [];

    public long Size { get; private set; }

    public void Append(Hash256 leafHash)
    {
        var node = (Hash: leafHash, Size: 1L);
        while (_subtrees.Count > 0 && _subtrees[^1].Size == node.Size)
        {
            var left = _subtrees[^1];
            _subtrees.RemoveAt(_subtrees.Count - 1);
            node = (TreeHashing.HashChildren(left.Hash, node.Hash), left.Size * 2);
        }

        _subtrees.Add(node);
        Size++;
    }

    public Hash256 RootHash()
    {
        if (_subtrees.Count == 0)
        {
            return TreeHashing.EmptyRoot;
        }

        var root = _subtrees[^1].Hash;
        for (var i = _subtrees.Count - 2; i >= 0; i--)
        {
            root = TreeHashing.HashChildren(_subtrees[i].Hash, root);
        }

        return root;
    }
}
