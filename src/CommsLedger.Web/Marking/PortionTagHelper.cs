using CommsLedger.Domain.Shared;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommsLedger.Web.Marking;

/// <summary><c>&lt;portion marking="@x" /&gt;</c>: the portion marking of one item, "(S)" with its name for screen
/// readers, noted for the page banner. Colour only repeats what the letters say.</summary>
[HtmlTargetElement("portion", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PortionTagHelper(PageMarkings markings) : TagHelper
{
    public Classification Marking { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        markings.Note(Marking);
        output.TagName = "abbr";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "portion " + PageMarkings.CssClass(Marking));
        output.Attributes.SetAttribute("title", Marking.Display());
        output.Content.SetContent($"({PageMarkings.Abbreviation(Marking)})");
    }
}
