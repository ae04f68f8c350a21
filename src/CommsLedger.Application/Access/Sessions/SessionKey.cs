namespace CommsLedger.Application.Access.Sessions;

/// <summary>One ASP.NET Core data-protection key (the XML the framework writes), kept in the ledger's database so
/// that every app node signs and reads the same sign-in cookies and anti-forgery tokens: a form served by one node
/// may be posted to another.</summary>
public sealed class SessionKey
{
    public required string Id { get; init; }

    public required string Xml { get; init; }
}
