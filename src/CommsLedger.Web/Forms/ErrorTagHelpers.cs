using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommsLedger.Web.Forms;

/// <summary><c>&lt;error-summary /&gt;</c>: every problem at the top of the page, each linking to its field (GOV.UK
/// pattern); announced to screen readers when the page loads.</summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Title { get; set; } = "There is a problem";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ModelState.SelectMany(e => e.Value!.Errors.Select(x => (Field: e.Key, x.ErrorMessage))).ToArray();
        if (errors.Length == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        var html = HtmlEncoder.Default;
        var items = string.Concat(errors.Select(e => e.Field.Length == 0
            ? $"<li>{html.Encode(e.ErrorMessage)}</li>"
            : $"<li><a href=\"#{Fields.Id(e.Field)}\">{html.Encode(ErrorText(e.Field, e.ErrorMessage))}</a></li>"));
        output.Content.SetHtmlContent($"<h2 id=\"error-summary-title\">{html.Encode(Title)}</h2><ul>{items}</ul>");
    }

    public static string ErrorText(string field, string message) => $"{Fields.ApiName(field)}: {message}";
}

/// <summary><c>&lt;field-error field="password" /&gt;</c>: the field's own message, next to it.</summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Field { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ModelState.TryGetValue(Field, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", Fields.Id(Field) + "-error");
        var html = HtmlEncoder.Default;
        output.Content.SetHtmlContent("<span class=\"visually-hidden\">Error:</span> "
            + string.Join("<br>", entry.Errors.Select(e => html.Encode(e.ErrorMessage))));
    }
}
