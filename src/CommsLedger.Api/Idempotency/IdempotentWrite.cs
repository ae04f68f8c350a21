namespace CommsLedger.Api.Idempotency;

/// <summary>Endpoint metadata: this write accepts an Idempotency-Key.</summary>
public sealed class IdempotentWrite;

public static class IdempotencyEndpoints
{
    public static TBuilder Idempotent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotentWrite());
}
