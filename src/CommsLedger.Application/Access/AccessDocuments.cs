using CommsLedger.Application.Access.Credentials;
using CommsLedger.Application.Access.Idempotency;
using JasperFx.Events.Projections;
using Marten;

namespace CommsLedger.Application.Access;

/// <summary>Access in the ledger's schema. Users, their roles, clearances and keys are events of one stream per user
/// (<see cref="UserAccount"/>), so every change is in the Merkle log and the access history. Beside them, documents
/// hold what must not be in an event (a password's hash) or only speeds a look-up (which user a key id belongs to),
/// both checked against the stream when used; the HTTP edge's idempotency keys; and the keys of the web sessions.</summary>
public static class AccessDocuments
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Add<UserAccountAggregation>(ProjectionLifecycle.Live);
        options.Schema.For<UserPassword>();
        options.Schema.For<ApiKeyOwner>();
        options.Schema.For<IdempotentRequest>();
        options.Schema.For<Sessions.SessionKey>();
    }
}
