using System.Text;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Tests.Merkle;

public sealed class MerkleTreeVectorTests
{
    [Fact]
    public void leaf_and_node_hashes_match_the_rfc_hasher_vectors()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TreeHashing.EmptyRoot.ToString());
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", TreeHashing.HashLeaf([]).ToString());
        Assert.Equal("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56", TreeHashing.HashLeaf("L123456"u8).ToString());

        Span<byte> node = stackalloc byte[32];
        TreeHashing.HashChildren("N123"u8, "N456"u8, node);
        Assert.Equal("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb", Convert.ToHexStringLower(node));
    }

    [Fact]
    public void root_hashes_match_the_reference_roots_for_every_size_from_0_to_8()
    {
        var leaves = Rfc9162Vectors.LeafHashes(8);
        for (var size = 0; size <= 8; size++)
        {
            Assert.Equal(Rfc9162Vectors.Roots[size], MerkleTree.RootHash(leaves, size).ToString());
        }
    }

    [Fact]
    public void the_frontier_gives_the_reference_root_after_every_append()
    {
        var frontier = new MerkleFrontier();
        Assert.Equal(Rfc9162Vectors.Roots[0], frontier.RootHash().ToString());
        foreach (var (leaf, size) in Rfc9162Vectors.LeafHashes(8).Select((leaf, i) => (leaf, i + 1)))
        {
            frontier.Append(leaf);
            Assert.Equal(Rfc9162Vectors.Roots[size], frontier.RootHash().ToString());
        }
    }

    [Fact]
    public void root_hashes_of_larger_trees_match_the_golden_compact_range_roots()
    {
        var leaves = Enumerable.Range(0, 255).Select(i => TreeHashing.HashLeaf([(byte)(i & 0xff), (byte)(i >> 8)])).ToList();
        foreach (var (size, rootBase64) in Rfc9162Vectors.GoldenRoots)
        {
            Assert.Equal(Convert.FromBase64String(rootBase64), MerkleTree.RootHash(leaves, size).ToArray());
        }
    }

    [Fact]
    public void inclusion_proofs_match_the_reference_audit_paths_and_verify()
    {
        var leaves = Rfc9162Vectors.LeafHashes(8);
        foreach (var (index, size, path) in Rfc9162Vectors.InclusionProofs)
        {
            var proof = MerkleTree.InclusionProof(leaves, index, size);

            Assert.Equal(path, proof.Select(h => h.ToString()));
            Assert.True(ProofVerification.VerifyInclusion(index, size, leaves[(int)index], proof, Hash256.FromHex(Rfc9162Vectors.Roots[size])));
        }
    }

    [Fact]
    public void consistency_proofs_match_the_reference_proofs_and_verify()
    {
        var leaves = Rfc9162Vectors.LeafHashes(8);
        foreach (var (oldSize, newSize, expected) in Rfc9162Vectors.ConsistencyProofs)
        {
            var proof = MerkleTree.ConsistencyProof(leaves, oldSize, newSize);

            Assert.Equal(expected, proof.Select(h => h.ToString()));
            Assert.True(ProofVerification.VerifyConsistency(
                oldSize, newSize, Hash256.FromHex(Rfc9162Vectors.Roots[oldSize]), Hash256.FromHex(Rfc9162Vectors.Roots[newSize]), proof));
        }
    }

    [Fact]
    public void a_tree_of_one_leaf_has_the_leaf_hash_as_root_and_an_empty_path()
    {
        var leaf = TreeHashing.HashLeaf(Encoding.UTF8.GetBytes("data"));

        Assert.Equal(leaf, MerkleTree.RootHash([leaf]));
        Assert.Empty(MerkleTree.InclusionProof([leaf], 0, 1));
        Assert.True(ProofVerification.VerifyInclusion(0, 1, leaf, [], leaf));
        Assert.False(ProofVerification.VerifyInclusion(0, 1, leaf, [], TreeHashing.EmptyRoot));
    }
}
