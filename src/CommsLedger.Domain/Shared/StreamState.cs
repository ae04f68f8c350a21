namespace CommsLedger.Domain.Shared;

/// <summary>Write-side state of a stream, as the store needs to know it: what the stream is called in messages, its
/// marking, and the state as one actor may know it.</summary>
public interface IStreamState<TSelf>
    where TSelf : IStreamState<TSelf>
{
    /// <summary>"interaction", "pledge": how "not found" and "changed since you read it" name the stream.</summary>
    static abstract string Noun { get; }

    Classification Classification { get; }

    /// <summary>The state without what lies above <paramref name="clearance"/>, so deciding on behalf of an actor can
    /// neither touch nor reveal it.</summary>
    TSelf Within(Classification clearance);
}
