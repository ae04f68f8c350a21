using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Domain.Interactions;

namespace CommsLedger.Web.Pages.Interactions;

/// <summary>
/// The "log an interaction" form as it travels between the browser and the server: text only, as typed, so every
/// round trip (add a row, remove one, check your answers, change) keeps exactly what the person entered. It becomes
/// the API's own file format (<see cref="InteractionFile"/>), which gives the API's field errors under the API's names.
/// </summary>
public sealed class InteractionForm
{
    public string? Kind { get; set; } = "phone-call";
    public string? OccurredOn { get; set; }
    public string? OccurredTime { get; set; }
    public string? TimeZone { get; set; }
    public string? Summary { get; set; }
    public string? Classification { get; set; } = "unclassified";
    public string? CameoCodes { get; set; }
    public string? SourceId { get; set; }
    public string? SourceUrl { get; set; }
    public string? SourceSha256 { get; set; }
    public List<ParticipantRow> Participants { get; set; } = [];
    public List<StatementRow> Statements { get; set; } = [];
    public List<CommitmentRow> Commitments { get; set; } = [];
    public List<FollowUpRow> FollowUps { get; set; } = [];

    /// <summary>What the readout drafter could not settle or left out, shown while the entry is reviewed.</summary>
    public List<string> Notes { get; set; } = [];

    public static InteractionForm Blank() => new() { Participants = [new(), new()] };

    public InteractionFile ToFile() => new(
        Kind, OccurredOn, OccurredTime, TimeZone,
        [.. Participants.Select(p => new ParticipantFile(p.Name, p.Title, p.Country))],
        Summary,
        SourceId is null && SourceUrl is null && SourceSha256 is null ? null : new SourceFile(SourceId, SourceUrl, SourceSha256),
        Classification,
        List(CameoCodes),
        [.. Statements.Select(s => new StatementFile(s.Speaker, s.Country, s.Text, List(s.Topics), s.Classification))],
        [.. Commitments.Select(c => new CommitmentFile(c.By, c.To, c.Kind, c.Text, c.Topic, c.Due, c.FollowUp(), List(c.CameoCodes), c.Classification))],
        [.. FollowUps.Select(f => new FollowUpFile(f.Action, f.Owner, f.Due))]);

    public static InteractionForm From(InteractionDraft draft, IEnumerable<string> notes)
    {
        var file = InteractionFile.From(draft);
        return new InteractionForm
        {
            Kind = file.Kind,
            OccurredOn = file.OccurredOn,
            OccurredTime = file.OccurredTime,
            TimeZone = file.TimeZone,
            Summary = file.Summary,
            Classification = file.Classification,
            CameoCodes = string.Join(", ", file.CameoCodes),
            SourceId = file.Source?.SourceId,
            SourceUrl = file.Source?.Url,
            SourceSha256 = file.Source?.TextSha256,
            Participants = [.. file.Participants.Select(p => new ParticipantRow { Name = p.Name, Title = p.Title, Country = p.Country })],
            Statements = [.. file.Statements.Select(s => new StatementRow { Speaker = s.Speaker, Country = s.Country, Text = s.Text, Topics = string.Join(", ", s.Topics), Classification = s.Classification })],
            Commitments = [.. file.Commitments.Select(CommitmentRow.From)],
            FollowUps = [.. file.FollowUps.Select(f => new FollowUpRow { Action = f.Action, Owner = f.Owner, Due = f.Due })],
            Notes = [.. notes],
        };
    }

    /// <summary>Adds an empty row to a list of the form ("participants", "statements", "commitments", "followUps").</summary>
    public void Add(string? list)
    {
        switch (list)
        {
            case "participants": Participants.Add(new()); break;
            case "statements": Statements.Add(new()); break;
            case "commitments": Commitments.Add(new()); break;
            case "followUps": FollowUps.Add(new()); break;
        }
    }

    public void Remove(string? list, int index)
    {
        switch (list)
        {
            case "participants" when index < Participants.Count: Participants.RemoveAt(index); break;
            case "statements" when index < Statements.Count: Statements.RemoveAt(index); break;
            case "commitments" when index < Commitments.Count: Commitments.RemoveAt(index); break;
            case "followUps" when index < FollowUps.Count: FollowUps.RemoveAt(index); break;
        }
    }

    /// <summary>Every value under its form name, for the hidden fields that carry the form through "check your answers".</summary>
    public IEnumerable<(string Name, string? Value)> Values()
    {
        const string f = "Form.";
        (string, string?)[] top =
        [
            (f + nameof(Kind), Kind), (f + nameof(OccurredOn), OccurredOn), (f + nameof(OccurredTime), OccurredTime), (f + nameof(TimeZone), TimeZone),
            (f + nameof(Summary), Summary), (f + nameof(Classification), Classification), (f + nameof(CameoCodes), CameoCodes),
            (f + nameof(SourceId), SourceId), (f + nameof(SourceUrl), SourceUrl), (f + nameof(SourceSha256), SourceSha256),
        ];
        return top
            .Concat(Participants.SelectMany((p, i) => Row($"{f}Participants[{i}].", ("Name", p.Name), ("Title", p.Title), ("Country", p.Country))))
            .Concat(Statements.SelectMany((s, i) => Row($"{f}Statements[{i}].", ("Speaker", s.Speaker), ("Country", s.Country), ("Text", s.Text), ("Topics", s.Topics), ("Classification", s.Classification))))
            .Concat(Commitments.SelectMany((c, i) => Row($"{f}Commitments[{i}].", c.Values())))
            .Concat(FollowUps.SelectMany((u, i) => Row($"{f}FollowUps[{i}].", ("Action", u.Action), ("Owner", u.Owner), ("Due", u.Due))))
            .Concat(Notes.Select((n, i) => ($"{f}Notes[{i}]", (string?)n)));
    }

    private static IEnumerable<(string, string?)> Row(string prefix, params (string Name, string? Value)[] values) =>
        values.Select(v => (prefix + v.Name, v.Value));

    internal static List<string> List(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}

public sealed class ParticipantRow
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Country { get; set; }
}

public sealed class StatementRow
{
    public string? Speaker { get; set; }
    public string? Country { get; set; }
    public string? Text { get; set; }
    public string? Topics { get; set; }
    public string? Classification { get; set; }
}

/// <summary>A commitment, with at most one follow-up of its own here (more can be scheduled on the pledge's page).</summary>
public sealed class CommitmentRow
{
    public string? By { get; set; }
    public string? To { get; set; }
    public string? Kind { get; set; } = "pledge";
    public string? Text { get; set; }
    public string? Topic { get; set; }
    public string? Due { get; set; }
    public string? Classification { get; set; }
    public string? CameoCodes { get; set; }
    public string? FollowUpAction { get; set; }
    public string? FollowUpOwner { get; set; }
    public string? FollowUpDue { get; set; }

    public bool HasFollowUp => FollowUpAction is not null || FollowUpOwner is not null || FollowUpDue is not null;

    public IReadOnlyList<FollowUpFile> FollowUp() => HasFollowUp ? [new FollowUpFile(FollowUpAction, FollowUpOwner, FollowUpDue)] : [];

    public static CommitmentRow From(CommitmentFile c) => new()
    {
        By = c.By, To = c.To, Kind = c.Kind, Text = c.Text, Topic = c.Topic, Due = c.Due, Classification = c.Classification,
        CameoCodes = string.Join(", ", c.CameoCodes),
        FollowUpAction = c.FollowUps.FirstOrDefault()?.Action,
        FollowUpOwner = c.FollowUps.FirstOrDefault()?.Owner,
        FollowUpDue = c.FollowUps.FirstOrDefault()?.Due,
    };

    public (string, string?)[] Values() =>
    [
        ("By", By), ("To", To), ("Kind", Kind), ("Text", Text), ("Topic", Topic), ("Due", Due), ("Classification", Classification), ("CameoCodes", CameoCodes),
        ("FollowUpAction", FollowUpAction), ("FollowUpOwner", FollowUpOwner), ("FollowUpDue", FollowUpDue),
    ];
}

public sealed class FollowUpRow
{
    public string? Action { get; set; }
    public string? Owner { get; set; }
    public string? Due { get; set; }
}
