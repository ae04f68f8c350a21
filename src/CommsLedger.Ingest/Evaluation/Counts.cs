namespace CommsLedger.Ingest.Evaluation;

/// <summary>True positives, predictions and gold items, summed over files (micro-averaged).</summary>
public readonly record struct Counts(int Matched, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : Matched / (double)Predicted;

    public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : Matched / (double)Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Counts operator +(Counts a, Counts b) => new(a.Matched + b.Matched, a.Predicted + b.Predicted, a.Gold + b.Gold);
}

/// <summary>How often a field agrees, over the items it was checked on.</summary>
public readonly record struct Agreement(int Agreed, int Checked)
{
    public double Rate => Checked == 0 ? 1 : Agreed / (double)Checked;

    public static Agreement Of(bool agreed) => new(agreed ? 1 : 0, 1);

    public static Agreement operator +(Agreement a, Agreement b) => new(a.Agreed + b.Agreed, a.Checked + b.Checked);
}
