namespace CommsLedger.Integrity.Tests.Fixtures;

public sealed record InteractionLogged(Guid InteractionId, string Summary, IReadOnlyList<string> Parties);

public sealed record CommitmentMade(Guid CommitmentId, string By, string To, string Clause);

/// <summary>Write-side state, only so a test can use Marten's FetchForWriting.</summary>
public sealed record InteractionThread(Guid Id, int Entries)
{
    public static InteractionThread Create(InteractionLogged logged) => new(logged.InteractionId, 1);

    public InteractionThread Apply(InteractionLogged logged) => this with { Entries = Entries + 1 };

    public InteractionThread Apply(CommitmentMade made) => this with { Entries = Entries + 1 };
}
