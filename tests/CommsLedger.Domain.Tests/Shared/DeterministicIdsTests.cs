using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Tests.Shared;

public class DeterministicIdsTests
{
    [Fact]
    public void the_same_source_always_gets_the_same_id()
    {
        Assert.Equal(DeterministicIds.ForSource("xinhua-2020-11-06", Classification.Unclassified), DeterministicIds.ForSource("xinhua-2020-11-06", Classification.Unclassified));
    }

    [Fact]
    public void different_sources_get_different_ids()
    {
        Assert.NotEqual(DeterministicIds.ForSource("xinhua-2020-11-06", Classification.Unclassified), DeterministicIds.ForSource("xinhua-2020-11-07", Classification.Unclassified));
    }

    [Fact]
    public void one_source_recorded_at_different_markings_gets_different_ids()
    {
        var ids = Enum.GetValues<Classification>().Select(marking => DeterministicIds.ForSource("xinhua-2020-11-06", marking)).ToArray();

        Assert.Equal(4, ids.Distinct().Count());
    }

    [Fact]
    public void portions_number_per_marking_so_hidden_ones_leave_no_gap_in_the_visible_ids()
    {
        var parent = DeterministicIds.ForSource("xinhua-2020-11-06", Classification.Unclassified);
        var alone = DeterministicIds.SequencesByMarking(parent);
        var mixed = DeterministicIds.SequencesByMarking(parent);

        var secretFirst = mixed(Classification.Secret);
        Guid[] visibleAlone = [alone(Classification.Unclassified), alone(Classification.Unclassified)];
        Guid[] visibleMixed = [mixed(Classification.Unclassified), mixed(Classification.Unclassified)];

        Assert.Equal(visibleAlone, visibleMixed);
        Assert.DoesNotContain(secretFirst, visibleMixed);
        Assert.Equal(DeterministicIds.Sequence(parent)(), visibleAlone[0]);
    }

    [Fact]
    public void ids_are_rfc_9562_version_5_with_the_rfc_variant()
    {
        var text = DeterministicIds.ForSource("xinhua-2020-11-06", Classification.Unclassified).ToString("D");

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void ids_match_the_published_version_5_example()
    {
        var dnsNamespace = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), DeterministicIds.Create(dnsNamespace, "python.org"));
    }

    [Fact]
    public void a_sequence_gives_distinct_children_that_are_the_same_every_time()
    {
        var parent = DeterministicIds.ForSource("xinhua-2020-11-06", Classification.Unclassified);
        var first = DeterministicIds.Sequence(parent);
        var second = DeterministicIds.Sequence(parent);

        Guid[] children = [first(), first(), first()];

        Assert.Equal(3, children.Distinct().Count());
        Guid[] again = [second(), second(), second()];
        Assert.Equal(children, again);
    }
}
