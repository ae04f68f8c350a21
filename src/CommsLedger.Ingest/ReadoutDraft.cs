namespace CommsLedger.Ingest;

/// <summary>
/// A proposed ledger entry read from a published readout, for a desk officer to review, fix and commit.
/// Countries are ISO 3166-1 alpha-2 codes (EU for the European Union); <see cref="Relationship"/> is sorted.
/// </summary>
/// <param name="DateOfInteraction">When the call or meeting happened, resolved from the text against the publication date.</param>
/// <param name="Channel">One of <see cref="Channels"/>.</param>
/// <param name="Cameo">CAMEO code of the interaction (041 phone, 042/043 visit, 040 meeting or video, 044 third location, 010 letter).</param>
/// <param name="PublicationDate">From a leading "date YYYY-MM-DD", a dated header line or a dateline; relative dates resolve against it.</param>
/// <param name="Warnings">What the extractor could not settle and the officer should check.</param>
/// <param name="Language">The readout's language (en, es or fr); every text in the draft is kept in it.</param>
public sealed record ReadoutDraft(
    DateOnly? DateOfInteraction,
    string Channel,
    IReadOnlyList<DraftParticipant> Participants,
    IReadOnlyList<string> Relationship,
    IReadOnlyList<DraftStatement> Statements,
    IReadOnlyList<DraftCommitment> Commitments,
    IReadOnlyList<DraftFollowUp> FollowUps,
    IReadOnlyList<string> Topics,
    string Cameo,
    DateOnly? PublicationDate,
    IReadOnlyList<string> Warnings,
    string Language)
{
    /// <summary>A draft with nothing in it, as returned for empty or meaningless input.</summary>
    public static ReadoutDraft Empty(params string[] warnings) =>
        new(null, Ingest.Channels.Other, [], [], [], [], [], [], "040", null, warnings, "en");
}

/// <summary>Someone who took part in the interaction.</summary>
public sealed record DraftParticipant(string Name, string? Title, string? Country);

/// <summary>
/// An attributed sentence, exactly as in the source. <see cref="Speaker"/> joins the names with " and " when several people
/// said it together ("The two leaders agreed ..."); <see cref="SpeakerCountry"/> is then null and <see cref="SpeakerCountries"/> has them all.
/// </summary>
public sealed record DraftStatement(string Speaker, string? SpeakerCountry, IReadOnlyList<string> SpeakerCountries, string Text, IReadOnlyList<string> Topics);

/// <summary>
/// An undertaking by party <see cref="By"/> towards <see cref="To"/> (null when general), with the exact clause from the source.
/// <see cref="Kind"/> is one of <see cref="CommitmentKinds"/>; <see cref="Due"/> is the last day of any period stated ("next year" = 31 Dec).
/// </summary>
public sealed record DraftCommitment(string By, string? To, string Text, string Kind, DateOnly? Due, string? Topic, string Cameo);

/// <summary>
/// Something to track. <see cref="When"/> is the stated day, or the last day of a stated period; <see cref="WhenText"/> is the
/// source phrase and <see cref="WhenPrecision"/> says how much of <see cref="When"/> is real (day, week, month or year).
/// </summary>
public sealed record DraftFollowUp(string What, DateOnly? When, string? WhenText, string? WhenPrecision);
