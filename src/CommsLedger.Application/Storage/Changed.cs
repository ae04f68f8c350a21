namespace CommsLedger.Application.Storage;

/// <summary>What a command on an existing stream returns: the stream and its version after the change
/// (the version to pass as expected version next time), plus any id the command created.</summary>
public sealed record Changed(Guid StreamId, long Version, Guid? CreatedId = null);
