using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Tests.Merkle;

/// <summary>Every proof the tree generates for sizes up to 40 verifies, and the corruptions of
/// transparency-dev/merkle's verify_test.go all fail.</summary>
public sealed class MerkleProofPropertyTests
{
    private const int _maxSize = 40;
    private static readonly IReadOnlyList<Hash256> _leaves =
        Enumerable.Range(0, _maxSize).Select(i => TreeHashing.HashLeaf(BitConverter.GetBytes(i))).ToList();

    private static readonly Hash256 _someHash = Hash256.FromHex("abacaba000000000000000000000000000000000000000000060061e00123456");

    [Fact]
    public void every_inclusion_proof_verifies_and_every_corruption_of_it_fails()
    {
        for (var size = 1; size <= _maxSize; size++)
        {
            var root = MerkleTree.RootHash(_leaves, size);
            for (var index = 0; index < size; index++)
            {
                var proof = MerkleTree.InclusionProof(_leaves, index, size);
                Assert.True(ProofVerification.VerifyInclusion(index, size, _leaves[index], proof, root), $"leaf {index} of {size}");

                foreach (var (leafIndex, treeSize, leaf, path, againstRoot, what) in Corruptions(index, size, _leaves[index], proof, root))
                {
                    Assert.False(ProofVerification.VerifyInclusion(leafIndex, treeSize, leaf, path, againstRoot), $"{what}: leaf {index} of {size}");
                }
            }
        }
    }

    [Fact]
    public void every_consistency_proof_verifies_and_fails_against_a_different_history()
    {
        var forged = _leaves.ToList();
        for (var newSize = 1; newSize <= _maxSize; newSize++)
        {
            var newRoot = MerkleTree.RootHash(_leaves, newSize);
            for (var oldSize = 1; oldSize <= newSize; oldSize++)
            {
                var oldRoot = MerkleTree.RootHash(_leaves, oldSize);
                var proof = MerkleTree.ConsistencyProof(_leaves, oldSize, newSize);
                Assert.True(ProofVerification.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof), $"{oldSize} -> {newSize}");

                forged[oldSize - 1] = _someHash;
                var rewritten = MerkleTree.RootHash(forged, newSize);
                var forgedProof = MerkleTree.ConsistencyProof(forged, oldSize, newSize);
                Assert.False(ProofVerification.VerifyConsistency(oldSize, newSize, oldRoot, rewritten, forgedProof), $"rewritten {oldSize} -> {newSize}");
                forged[oldSize - 1] = _leaves[oldSize - 1];

                if (proof.Count > 0)
                {
                    Assert.False(ProofVerification.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof.Take(proof.Count - 1).ToList()));
                    Assert.False(ProofVerification.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, [.. proof, _someHash]));
                }
            }
        }
    }

    [Fact]
    public void the_frontier_agrees_with_the_recursive_definition_for_every_size()
    {
        var frontier = new MerkleFrontier();
        for (var size = 1; size <= _maxSize; size++)
        {
            frontier.Append(_leaves[size - 1]);
            Assert.Equal(MerkleTree.RootHash(_leaves, size), frontier.RootHash());
        }
    }

    private static IEnumerable<(long Index, long Size, Hash256 Leaf, IReadOnlyList<Hash256> Path, Hash256 Root, string What)> Corruptions(
        long index, long size, Hash256 leaf, IReadOnlyList<Hash256> path, Hash256 root)
    {
        yield return (index - 1, size, leaf, path, root, "index - 1");
        yield return (index + 1, size, leaf, path, root, "index + 1");
        yield return (index ^ 2, size, leaf, path, root, "index ^ 2");
        yield return (index, size * 2, leaf, path, root, "size * 2");
        yield return (index, size / 2, leaf, path, root, "size / 2");
        yield return (index, size, _someHash, path, root, "wrong leaf");
        yield return (index, size, leaf, path, TreeHashing.EmptyRoot, "empty root");
        yield return (index, size, leaf, path, _someHash, "random root");
        yield return (index, size, leaf, [.. path, root], root, "trailing root");
        yield return (index, size, leaf, [root, .. path], root, "preceding root");
        for (var i = 0; i < path.Count; i++)
        {
            var flipped = path[i].ToArray();
            flipped[0] ^= 8;
            var wrong = path.ToList();
            wrong[i] = Hash256.FromBytes(flipped);
            yield return (index, size, leaf, wrong, root, $"flipped bit in path[{i}]");
        }

        if (path.Count > 0)
        {
            yield return (index, size, leaf, path.Take(path.Count - 1).ToList(), root, "removed component");
        }

        if (path.Count > 1)
        {
            yield return (index, size, leaf, [path[0], _someHash, .. path.Skip(1)], root, "inserted component");
        }
    }
}
