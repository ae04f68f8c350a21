namespace CommsLedger.Ingest;

/// <summary>The channel names a draft can carry.</summary>
public static class Channels
{
    public const string Phone = "phone";
    public const string Video = "video";
    public const string Meeting = "meeting";
    public const string Visit = "visit";
    public const string Letter = "letter";
    public const string JointStatement = "joint-statement";
    public const string Other = "other";
}

/// <summary>The kinds of commitment a draft can carry.</summary>
public static class CommitmentKinds
{
    public const string Pledge = "pledge";
    public const string Intent = "intent";
    public const string Offer = "offer";
    public const string Request = "request";
    public const string Agreement = "agreement";
}
