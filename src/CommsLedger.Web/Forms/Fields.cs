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

    /// <summary>The API's spelling of a field bound from a form (<c>Participants[0].Country</c> → <c>participants[0].country</c>).</summary>
    public static string ApiName(string key) =>
        string.Join('.', key.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
