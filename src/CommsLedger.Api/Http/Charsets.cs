using CommsLedger.Api.Problems;
using Microsoft.Net.Http.Headers;

namespace CommsLedger.Api.Http;

/// <summary>Request bodies are UTF-8. A declared charset is normalised (<c>"utf-8"</c> quoted, or an empty
/// <c>charset=</c>, which the framework's body binding turned into a 500) or refused up front with 415 naming
/// Content-Type: any other encoding (utf-16, utf-7, klingon) would otherwise be misread as UTF-8 or end in a 500.</summary>
public static class Charsets
{
    private static readonly string[] _accepted = ["utf-8", "utf8", "us-ascii"];

    public static async Task RequireUtf8(HttpContext http, RequestDelegate next)
    {
        if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType) && contentType.Charset.HasValue)
        {
            var declared = contentType.Charset.Value!.Trim().Trim('"').Trim();
            if (declared.Length > 0 && !_accepted.Contains(declared, StringComparer.OrdinalIgnoreCase))
            {
                throw new RequestRefused(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                    $"charset '{contentType.Charset.Value}' is not accepted: request bodies must be UTF-8", "Content-Type");
            }

            contentType.Charset = declared.Length > 0 ? "utf-8" : null;
            http.Request.ContentType = contentType.ToString();
        }

        await next(http);
    }
}
