using Marten;
using Mediator;

namespace CommsLedger.Application.Pipeline;

/// <summary>Stamps the acting user and the correlation id on the session, so every event a command appends carries them.</summary>
public sealed class StampingBehaviour<TMessage, TResponse>(IDocumentSession session, Actor actor) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        session.LastModifiedBy = actor.UserName;
        session.CorrelationId = actor.CorrelationId;
        session.CausationId = typeof(TMessage).Name;
        return next(message, cancellationToken);
    }
}
