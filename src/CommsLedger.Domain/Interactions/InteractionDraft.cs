using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Interactions;

/// <summary>Everything a recorder logs about one call or meeting, recorded atomically.</summary>
public sealed record InteractionDraft(
    InteractionKind Kind,
    OccurredAt Occurred,
    IReadOnlyList<Participant> Participants,
    string Summary,
    SourceReference? Source,
    Classification Classification,
    IReadOnlyList<string> CameoCodes,
    IReadOnlyList<StatementDraft> Statements,
    IReadOnlyList<CommitmentDraft> Commitments,
    IReadOnlyList<FollowUpDraft> FollowUps)
{
    /// <summary>The sorted distinct parties named by the participants' countries (already normalised).</summary>
    public IReadOnlyList<string> Parties =>
        Participants.Select(p => PartyCode.Clean(p.Country)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every marking the draft records, with the field that sets it (a portion without one takes the
    /// interaction's): what a clearance check must look at.</summary>
    public IEnumerable<(string Field, Classification Marking)> Markings() =>
        new[] { ("classification", Classification) }
            .Concat(Statements.Select((s, i) => ($"statements[{i}].classification", s.Classification ?? Classification)))
            .Concat(Commitments.Select((c, i) => ($"commitments[{i}].classification", c.Classification ?? Classification)));

    private static string Shorten(string? text) => text is { Length: > 60 } ? text[..60] + "…" : text ?? "";

    public IReadOnlyList<FieldError> Check()
    {
        var errors = new FieldErrors();
        errors.Require(Enum.IsDefined(Kind), "kind", $"'{Kind}' is not an interaction kind");
        errors.Require(Enum.IsDefined(Classification), "classification", $"'{Classification}' is not a classification");
        errors.Require(Occurred.Date.Year >= 1900, "occurredOn", $"{Occurred.Date:yyyy-MM-dd} is before 1900");
        errors.Require(Occurred.TimeZone is null || TimeZones.IsKnown(Occurred.TimeZone), "timeZone",
            $"'{Shorten(Occurred.TimeZone)}' is not an IANA time zone (e.g. Asia/Shanghai, America/Lima, UTC)");
        errors.RequireText(Summary, "summary", 8000);
        CheckParticipants(errors);
        var parties = Parties;
        for (var i = 0; i < Statements.Count; i++)
        {
            Statements[i].Check(errors, $"statements[{i}].", parties);
        }

        for (var i = 0; i < Commitments.Count; i++)
        {
            Commitments[i].Check(errors, $"commitments[{i}].", parties);
        }

        for (var i = 0; i < FollowUps.Count; i++)
        {
            FollowUps[i].Check(errors, $"followUps[{i}].");
        }

        CheckCameo(errors, CameoCodes, "cameoCodes");
        if (Source is { } source)
        {
            errors.RequireText(source.SourceId, "source.sourceId", 500);
            CheckSourceUrl(errors, source.Url);
            errors.Require(source.TextSha256 is null || IsSha256Hex(source.TextSha256), "source.textSha256",
                $"'{Shorten(source.TextSha256)}' is not a SHA-256 (64 hexadecimal digits)");
        }

        return errors.All;
    }

    /// <summary>A source URL is where a reviewer can read the readout again: a URL, or the file name `ingest`
    /// records, of reasonable length and with no spaces or control characters.</summary>
    private static void CheckSourceUrl(FieldErrors errors, string? url)
    {
        if (url is null)
        {
            return;
        }

        if (url.Length > MaxUrlLength)
        {
            errors.Add("source.url", $"is {url.Length} characters; at most {MaxUrlLength} allowed");
            return;
        }

        errors.Require(url.Length > 0 && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
                && Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out _),
            "source.url", $"'{Shorten(url)}' is not a URL or file name (no spaces or control characters)");
    }

    private const int MaxUrlLength = 2048;

    private static bool IsSha256Hex(string hash) => hash.Length == 64 && hash.All(char.IsAsciiHexDigit);

    /// <summary>A summit of every member of a large organisation still fits; more would mean one write locking and
    /// rewriting thousands of relationship ledgers.</summary>
    public const int MaxParties = 60;

    internal static void CheckCameo(FieldErrors errors, IReadOnlyList<string> codes, string field)
    {
        foreach (var code in codes)
        {
            errors.Require(code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit), field,
                $"'{code}' is not a CAMEO event code (2 to 4 digits, e.g. 041)");
        }
    }

    private void CheckParticipants(FieldErrors errors)
    {
        if (Participants.Count == 0)
        {
            errors.Add("participants", "at least one participant from each of two parties is required");
            return;
        }

        for (var i = 0; i < Participants.Count; i++)
        {
            errors.RequireText(Participants[i].Name, $"participants[{i}].name", 200);
            errors.Require(Participants[i].Title is null || Participants[i].Title.Length <= 300, $"participants[{i}].title", "is longer than 300 characters");
            errors.RequireStorable(Participants[i].Title, $"participants[{i}].title");
            if (PartyCode.Normalise(Participants[i].Country, out var problem) is null)
            {
                errors.Add($"participants[{i}].country", problem!);
            }
        }

        errors.Require(Parties.Count >= 2, "participants", "participants must come from at least two different parties");
        errors.Require(Parties.Count <= MaxParties, "participants",
            $"participants come from {Parties.Count} parties; at most {MaxParties} allowed in one interaction");
    }
}

public sealed record StatementDraft(string Speaker, string Country, string Text, IReadOnlyList<string> Topics, Classification? Classification = null)
{
    /// <param name="parties">The parties the statement must come from, when the same message names them (a logged
    /// interaction's participants); a statement added later is checked against its interaction by the decision.</param>
    public void Check(FieldErrors errors, string prefix, IReadOnlyList<string>? parties = null)
    {
        errors.RequireText(Speaker, $"{prefix}speaker", 200);
        errors.RequireText(Text, $"{prefix}text", 8000);
        CheckTopics(errors, Topics, $"{prefix}topics");
        CheckPartyOf(errors, Country, $"{prefix}country", parties);
        errors.Require(Classification is null || Enum.IsDefined(Classification.Value), $"{prefix}classification", "is not a classification");
    }

    /// <summary>Topics are short labels: at most 50 of them, none over 200 characters (blank ones are dropped).</summary>
    internal static void CheckTopics(FieldErrors errors, IReadOnlyList<string> topics, string field)
    {
        errors.Require(topics.Count <= 50, field, $"has {topics.Count} topics; at most 50 allowed");
        for (var i = 0; i < Math.Min(topics.Count, 50); i++)
        {
            errors.OptionalText(topics[i], $"{field}[{i}]", 200);
        }
    }

    /// <summary>A known party code, and one of <paramref name="parties"/> when they are given.</summary>
    internal static void CheckPartyOf(FieldErrors errors, string? code, string field, IReadOnlyList<string>? parties)
    {
        var normalised = PartyCode.Normalise(code, out var problem);
        if (normalised is null)
        {
            errors.Add(field, problem!);
        }
        else if (parties is not null)
        {
            RequirePartyOf(errors, normalised, field, parties);
        }
    }

    /// <summary>The rule a decision applies to a portion added to an interaction already logged.</summary>
    internal static void RequirePartyOf(FieldErrors errors, string code, string field, IReadOnlyList<string> parties)
    {
        var cleaned = PartyCode.Clean(code);
        errors.Require(parties.Contains(cleaned), field, $"{cleaned} is not a party to this interaction ({string.Join(", ", parties)})");
    }
}

public sealed record CommitmentDraft(
    string By,
    string? To,
    CommitmentKind Kind,
    string Text,
    string Topic,
    DateOnly? Due,
    IReadOnlyList<FollowUpDraft> FollowUps,
    IReadOnlyList<string> CameoCodes,
    Classification? Classification = null,
    Guid? Reaffirms = null)
{
    /// <param name="parties">As for <see cref="StatementDraft.Check"/>.</param>
    public void Check(FieldErrors errors, string prefix, IReadOnlyList<string>? parties = null)
    {
        StatementDraft.CheckPartyOf(errors, By, $"{prefix}by", parties);
        if (Reaffirms is not null)
        {
            CheckReaffirmation(errors, prefix);
        }

        if (To is not null)
        {
            StatementDraft.CheckPartyOf(errors, To, $"{prefix}to", parties);
            errors.Require(PartyCode.Clean(To) != PartyCode.Clean(By), $"{prefix}to", "a party cannot commit to itself; leave 'to' empty for a general commitment");
        }

        errors.Require(Enum.IsDefined(Kind), $"{prefix}kind", $"'{Kind}' is not one of pledge, intent, offer, request, agreement");
        errors.RequireText(Text, $"{prefix}text", 4000);
        errors.Require(Topic is null || Topic.Length <= 200, $"{prefix}topic", "is longer than 200 characters");
        errors.RequireStorable(Topic, $"{prefix}topic");
        errors.Require(Due is null || DateText.IsPlausible(Due.Value), $"{prefix}due", "is not a plausible date");
        errors.Require(Classification is null || Enum.IsDefined(Classification.Value), $"{prefix}classification", "is not a classification");
        InteractionDraft.CheckCameo(errors, CameoCodes, $"{prefix}cameoCodes");
        for (var i = 0; i < FollowUps.Count; i++)
        {
            FollowUps[i].Check(errors, $"{prefix}followUps[{i}].");
        }
    }

    /// <summary>A reaffirmation restates a pledge already recorded: its topic, due date, codes and follow-ups are the
    /// pledge's, so giving new ones here would be silently lost.</summary>
    private void CheckReaffirmation(FieldErrors errors, string prefix)
    {
        const string Why = "a reaffirmation restates its pledge; correct the pledge or schedule on it instead";
        errors.Require(Reaffirms != Guid.Empty, $"{prefix}reaffirms", "is not a pledge id");
        errors.Require(string.IsNullOrWhiteSpace(Topic), $"{prefix}topic", $"must be left out: {Why}");
        errors.Require(Due is null, $"{prefix}due", $"must be left out: {Why}");
        errors.Require(FollowUps.Count == 0, $"{prefix}followUps", $"must be left out: {Why}");
        errors.Require(CameoCodes.Count == 0, $"{prefix}cameoCodes", $"must be left out: {Why}");
    }
}
