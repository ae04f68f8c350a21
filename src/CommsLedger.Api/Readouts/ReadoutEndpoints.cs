using System.Net.Http.Headers;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Problems;
using CommsLedger.Ingest;

namespace CommsLedger.Api.Readouts;

/// <summary>"Start from a readout" (README "Drafting from a readout"): the text of a published readout in, the draft
/// out, exactly as <c>commsledger draft</c> writes it. Nothing is recorded; the reviewed draft goes to POST /interactions.</summary>
public static class ReadoutEndpoints
{
    public const string TextPlain = "text/plain";

    public static IEndpointRouteBuilder MapReadouts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/readouts/draft", Draft).WithTags("Readouts").RequireAuthorization(Policies.Record)
            .Accepts<string>(TextPlain).Produces<ReadoutDraft>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Draft an interaction from the text of a readout (text/plain, at most 1 MiB); nothing is recorded");
        return app;
    }

    private static async Task<IResult> Draft(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsPlainText(request.ContentType))
        {
            throw new RequestRefused(StatusCodes.Status415UnsupportedMediaType, "Send the readout as text/plain", $"must be {TextPlain}", "Content-Type");
        }

        // Kestrel stops the read past ApiLimits.MaxBodyBytes (413 naming body); the extractor's own limit is the same.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var draft = ReadoutExtractor.ExtractUtf8(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        return Results.Content(DraftJson.Serialize(draft), "application/json", System.Text.Encoding.UTF8);
    }

    private static bool IsPlainText(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType, TextPlain, StringComparison.OrdinalIgnoreCase);
}
