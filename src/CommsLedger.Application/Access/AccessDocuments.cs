using CommsLedger.Application.Access.Idempotency;
using Marten;

namespace CommsLedger.Application.Access;

/// <summary>The access documents in the ledger's schema: users, their API keys, and the HTTP edge's idempotency keys.
/// They are plain documents, not event streams: access is administration, not a fact of diplomacy, and a revoked key
/// must stop working at once.</summary>
public static class AccessDocuments
{
    public static void Register(StoreOptions options)
    {
        options.Schema.For<LedgerUser>();
        options.Schema.For<ApiKey>();
        options.Schema.For<IdempotentRequest>();
    }
}
