using CommsLedger.Domain.Shared;

namespace CommsLedger.Web.Marking;

/// <summary>The portion markings shown on one page, so the banner can show the highest of them. The page body is
/// rendered before its layout, so every portion is counted before the banner is written.</summary>
public sealed class PageMarkings
{
    public Classification Highest { get; private set; }

    public Classification Note(Classification marking)
    {
        if (marking > Highest)
        {
            Highest = marking;
        }

        return marking;
    }

    public static string Abbreviation(Classification marking) => marking switch
    {
        Classification.Unclassified => "U",
        Classification.Confidential => "C",
        Classification.Secret => "S",
        _ => "TS",
    };

    public static string CssClass(Classification marking) => "marking-" + marking.ToString().ToLowerInvariant();
}
