using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Corrections.Retracting;

namespace CommsLedger.Application.Tests.Corrections;

/// <summary>What a correction or retraction must say before any entry is read (its shape, checked in the pipeline).</summary>
public class CorrectionShapeTests
{
    private static readonly Guid EntryId = Guid.NewGuid();

    private static IEnumerable<string> Fields(Pipeline.IChecked command) => command.Check().Select(e => e.Field);

    [Fact]
    public void correcting_an_interaction_without_a_reason_is_rejected()
    {
        Assert.Equal(["reason"], Fields(new CorrectEntry(EntryKind.Interaction, EntryId, null, 1, "summary", "Another summary", " ")));
    }

    [Fact]
    public void correcting_a_pledge_without_a_reason_is_rejected()
    {
        Assert.Equal(["reason"], Fields(new CorrectEntry(EntryKind.Pledge, EntryId, null, 1, "topic", "health", "")));
    }

    [Fact]
    public void retracting_a_statement_without_a_reason_is_rejected()
    {
        Assert.Equal(["reason"], Fields(new RetractEntry(EntryKind.Statement, EntryId, Guid.NewGuid(), 2, "")));
    }

    [Fact]
    public void retracting_a_pledge_without_a_reason_is_rejected()
    {
        Assert.Equal(["reason"], Fields(new RetractEntry(EntryKind.Pledge, EntryId, null, 1, "\t")));
    }

    [Fact]
    public void a_field_that_cannot_be_corrected_is_named_once()
    {
        Assert.Equal(["field"], Fields(new CorrectEntry(EntryKind.Statement, EntryId, Guid.NewGuid(), 2, "venue", "Lima", "wrong venue")));
    }
}
