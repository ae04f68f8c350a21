using CommsLedger.Domain.Parties;

namespace CommsLedger.Domain.Tests.Parties;

public class RelationshipKeyTests
{
    [Fact]
    public void a_key_is_parsed_into_its_canonical_sorted_upper_case_form()
    {
        Assert.Equal("CN-PE", RelationshipKey.Parse("pe-cn", out _));
    }

    [Theory]
    [InlineData("CN-CN")]
    [InlineData("CN")]
    [InlineData("CN-XX")]
    [InlineData("CN-PE-BR")]
    [InlineData("")]
    public void a_malformed_key_is_rejected_with_a_reason(string raw)
    {
        Assert.Null(RelationshipKey.Parse(raw, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void the_key_of_a_pair_does_not_depend_on_its_order()
    {
        Assert.Equal(RelationshipKey.Of("PE", "CN"), RelationshipKey.Of("CN", "PE"));
    }

    [Fact]
    public void a_party_has_no_relationship_with_itself()
    {
        Assert.Throws<ArgumentException>(() => RelationshipKey.Of("CN", "CN"));
    }

    [Fact]
    public void three_parties_make_three_relationships()
    {
        Assert.Equal(["BR-CN", "BR-PE", "CN-PE"], RelationshipKey.AllPairs(["PE", "CN", "BR", "CN"]));
    }
}
