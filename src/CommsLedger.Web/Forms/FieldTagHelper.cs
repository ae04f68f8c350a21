using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommsLedger.Web.Forms;

/// <summary>
/// <c>&lt;ledger-field field="statements[0].text" name="Form.Statements[0].Text" label="What was said" value="…" /&gt;</c>:
/// one form field as the GOV.UK Design System lays it out — label, hint, the field's own error message (the API's
/// words), then the control, described by the hint and the error so screen readers read both. <c>field</c> is the
/// key the errors are kept under (the API's field name) and gives the element id the error summary links to.
/// </summary>
[HtmlTargetElement("ledger-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Field { get; set; } = "";
    public string? Name { get; set; }
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string? Value { get; set; }

    /// <summary>text, textarea, select, password, search or number.</summary>
    public string Type { get; set; } = "text";

    public IEnumerable<(string Value, string Label)>? Options { get; set; }

    /// <summary>short, medium or long (the default).</summary>
    public string? Width { get; set; }

    public string? Autocomplete { get; set; }
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Fields.Id(Field);
        var errors = ViewContext.ModelState.TryGetValue(Field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToArray() : [];
        var html = HtmlEncoder.Default;
        var described = new List<string>();
        var body = new StringBuilder($"<label for=\"{id}\">{html.Encode(Label)}</label>");
        if (Hint is not null)
        {
            body.Append($"<p class=\"hint\" id=\"{id}-hint\">{html.Encode(Hint)}</p>");
            described.Add(id + "-hint");
        }

        if (errors.Length > 0)
        {
            body.Append($"<p class=\"field-error\" id=\"{id}-error\"><span class=\"visually-hidden\">Error:</span> {string.Join("<br>", errors.Select(html.Encode))}</p>");
            described.Add(id + "-error");
        }

        var common = $"id=\"{id}\" name=\"{html.Encode(Name ?? Field)}\""
            + (described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "")
            + (errors.Length > 0 ? " aria-invalid=\"true\"" : "")
            + (Autocomplete is null ? "" : $" autocomplete=\"{html.Encode(Autocomplete)}\"");
        body.Append(Type switch
        {
            "textarea" => $"<textarea {common} class=\"textarea\" rows=\"4\">{html.Encode(Value ?? "")}</textarea>",
            "select" => $"<select {common} class=\"select {WidthClass}\">{OptionsHtml(html)}</select>",
            _ => $"<input {common} type=\"{html.Encode(Type)}\" value=\"{html.Encode(Value ?? "")}\" class=\"input {WidthClass}\" spellcheck=\"false\">",
        });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field" + (Inline ? " field-inline" : "") + (errors.Length > 0 ? " field-has-error" : ""));
        output.Content.SetHtmlContent(body.ToString());
    }

    private string WidthClass => Width is null ? "" : "input-" + Width;

    private string OptionsHtml(HtmlEncoder html) => string.Concat((Options ?? []).Select(o =>
        $"<option value=\"{html.Encode(o.Value)}\"{(string.Equals(o.Value, Value, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{html.Encode(o.Label)}</option>"));
}
