namespace CommsLedger.Web.Forms;

/// <summary>The policy a page handler needs beyond the page's own (a reader may open a pledge; only a recorder may
/// change it). Checked by <see cref="LedgerRefusals"/> before the handler runs.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}
