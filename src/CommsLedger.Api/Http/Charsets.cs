using System.Text;
using CommsLedger.Api.Problems;
using Microsoft.Net.Http.Headers;

namespace CommsLedger.Api.Http;

/// <summary>A request body in an encoding nobody knows (<c>Content-Type: application/json; charset=klingon</c>) is
/// refused up front with 415 naming Content-Type; left to the framework's body binding, it ended as a 500.</summary>
public static class Charsets
{
    public static async Task RefuseUnknown(HttpContext http, RequestDelegate next)
    {
        if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            && contentType.Charset is { Length: > 0 } charset && !IsKnown(charset.Value!.Trim('"')))
        {
            throw new RequestRefused(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                $"charset '{charset.Value}' is not a known encoding; send UTF-8", "Content-Type");
        }

        await next(http);
    }

    private static bool IsKnown(string name)
    {
        try
        {
            _ = Encoding.GetEncoding(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
