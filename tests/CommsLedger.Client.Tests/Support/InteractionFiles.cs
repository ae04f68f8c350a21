using CommsLedger.Client.Models;

namespace CommsLedger.Client.Tests.Support;

/// <summary>An interaction as read (<see cref="InteractionRecord"/>) in the shape it is written
/// (<see cref="InteractionFile"/>): what an integrator writes to log again what it read.</summary>
public static class InteractionFiles
{
    public static InteractionFile From(InteractionRecord record) => new()
    {
        Kind = WireValues.As<InteractionFile_kind>(record.Kind!.Value),
        OccurredOn = record.Occurred!.Date,
        OccurredTime = record.Occurred.Time,
        TimeZone = record.Occurred.TimeZone,
        Participants = [.. record.Participants!.Select(p => new ParticipantFile { Name = p.Name, Title = p.Title, Country = p.Country })],
        Summary = record.Summary,
        Source = record.Source is { } source
            ? new SourceFile { SourceId = source.SourceId, Url = source.Url, TextSha256 = source.TextSha256 }
            : null,
        Classification = WireValues.As<InteractionFile_classification>(record.Classification!.Value),
        CameoCodes = record.CameoCodes,
        Statements = [.. record.Statements!.Select(s => new StatementFile
        {
            Speaker = s.Speaker,
            Country = s.Country,
            Text = s.Text,
            Topics = s.Topics,
            Classification = WireValues.As<StatementFile_classification>(s.Classification!.Value),
        })],
    };
}
