namespace CommsLedger.Web.Forms;

/// <summary>A page whose handlers send ledger commands. When the ledger refuses one, <see cref="LedgerRefusals"/>
/// shows the page again as it stands now (<see cref="LoadAsync"/>), with the reasons next to the fields, and the
/// values the person typed kept in the form.</summary>
public interface ILedgerForm
{
    /// <summary>Reloads what the page shows (the entry as it stands now, with its current version).</summary>
    Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>True on a page with several forms: a field's errors are then kept under "handler/field"
    /// (<c>status/note</c>), so each form shows its own.</summary>
    bool ErrorsPerForm => false;
}
