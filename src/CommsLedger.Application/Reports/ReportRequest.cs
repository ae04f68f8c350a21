using CommsLedger.Application.Reports.Activity;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Overdue;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Domain.Shared;
using Mediator;

namespace CommsLedger.Application.Reports;

/// <summary>A report asked for by kind and parameters, as the API, the web page and a scheduled job ask for one
/// (the CLI has a typed command per kind). Each kind reads the parameters it takes and ignores the others.</summary>
/// <param name="On">The day "overdue" is judged on; default the <see cref="ReportAt.KnownAt"/> day, else today.</param>
public sealed record ReportRequest(
    string Kind,
    string? Relationship = null,
    DateOnly? On = null,
    DateOnly? Since = null,
    int? Contacts = null,
    string? Owner = null,
    string? Party = null,
    ActivityGrouping? By = null,
    DateOnly? From = null,
    DateOnly? To = null,
    ReportAt? At = null)
{
    public static readonly IReadOnlyList<string> Kinds = ["brief", "overdue", "scorecard", "activity"];

    /// <summary>The query that builds it; <paramref name="kindField"/> names the kind in an error.</summary>
    public IQuery<IReport> Query(DateOnly today, IProgress<ReportProgress>? progress = null, string kindField = "kind")
    {
        var at = At ?? ReportAt.Now;
        var on = On ?? (at.KnownAt is { } knownAt ? DateOnly.FromDateTime(knownAt.UtcDateTime) : today);
        return Kind.Trim().ToLowerInvariant() switch
        {
            "brief" => new BuildBrief(Relationship ?? throw new CommandRejected([new("relationship", "is required for a brief, e.g. CN-PE")]),
                on, Since, Contacts ?? 5, at, progress),
            "overdue" => new BuildOverdue(on, Relationship, Owner, at, progress),
            "scorecard" => new BuildScorecard(at, progress),
            "activity" => new BuildActivity(By ?? ActivityGrouping.Relationship, Relationship, Party, From, To, at, progress),
            _ => throw new CommandRejected([new(kindField, $"'{Kind}' is not one of {string.Join(", ", Kinds)}")]),
        };
    }

    /// <summary>A short name for files: the kind and its subject, e.g. <c>brief-CN-PE</c>.</summary>
    public string FileStem() => Kind.Trim().ToLowerInvariant() + (Relationship ?? Party) switch
    {
        null => "",
        var subject => "-" + new string([.. subject.Trim().ToUpperInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]),
    };
}
