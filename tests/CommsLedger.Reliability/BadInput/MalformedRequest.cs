using System.Text;

namespace CommsLedger.Reliability.BadInput;

/// <summary>One generated request. <paramref name="Caller"/> is the user whose API key it carries, or a description
/// of the bad credentials in <paramref name="Headers"/>.</summary>
public sealed record MalformedRequest(
    Operation Operation, string Path, string? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers, string Caller)
{
    public HttpRequestMessage ToMessage(string correlationId)
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), Path);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("X-Correlation-Id", correlationId);
        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body" : Body.Length > 300 ? $"{Body[..300]}… ({Body.Length} chars)" : Body;
        var path = Path.Length > 300 ? $"{Path[..300]}… ({Path.Length} chars)" : Path;
        return $"{Operation.Method} {path} as {Caller}; Content-Type: {ContentType}; {string.Join("; ", Headers.Select(h => $"{h.Name}: {(h.Value.Length > 60 ? h.Value[..60] + "…" : h.Value)}"))}; {body}";
    }
}
