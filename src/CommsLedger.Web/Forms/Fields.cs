using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommsLedger.Web.Forms;

/// <summary>Field names are the API's (<c>participants[1].country</c>), so a page shows the very messages the API
/// gives; element ids are derived from them for the error summary's links.</summary>
public static class Fields
{
    public static string Id(string field) =>
        "f-" + new string([.. field.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-');

    public static string ErrorClass(ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? "field-has-error" : "";

    /// <summary>The API's spelling of a field bound from a form (<c>Participants[0].Country</c> → <c>participants[0].country</c>);
    /// on a page of several forms, without the form's name (<c>status/note</c> → <c>note</c>).</summary>
    public static string ApiName(string key) =>
        string.Join('.', key[(key.LastIndexOf('/') + 1)..].Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    /// <summary>Whether this request sent the form of <paramref name="handler"/>: that form is shown open again, with
    /// what was typed, when the ledger refused it.</summary>
    public static bool Posted(HttpContext http, string handler) =>
        HttpMethods.IsPost(http.Request.Method) && string.Equals(http.Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase);
}
