using System.Diagnostics;
using CommsLedger.Application.Observability;
using CommsLedger.Domain.Shared;
using Mediator;

namespace CommsLedger.Application.Pipeline;

/// <summary>One span per mediator request, carrying the correlation id, and the counts of refused inputs and
/// concurrency conflicts. First in the pipeline, so a refusal by validation is counted too.</summary>
public sealed class TracingBehaviour<TMessage, TResponse>(Actor actor) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var request = typeof(TMessage).Name;
        using var activity = LedgerTelemetry.Source.StartActivity(request);
        activity?.SetTag(LedgerTelemetry.CorrelationTag, actor.CorrelationId);
        activity?.SetTag(LedgerTelemetry.RequestTag, request);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception failure)
        {
            Count(failure, request);
            activity?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            throw;
        }
    }

    private static void Count(Exception failure, string request)
    {
        var tag = new KeyValuePair<string, object?>(LedgerTelemetry.RequestTag, request);
        switch (failure)
        {
            case CommandRejected:
                LedgerTelemetry.RejectedInputs.Add(1, tag);
                break;
            case VersionConflict or JasperFx.ConcurrencyException:
                LedgerTelemetry.ConcurrencyConflicts.Add(1, tag);
                break;
        }
    }
}
