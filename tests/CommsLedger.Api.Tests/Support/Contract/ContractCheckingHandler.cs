using Xunit.Sdk;

namespace CommsLedger.Api.Tests.Support.Contract;

/// <summary>
/// Checks every answer the tests receive against the OpenAPI document (<see cref="ResponseContract"/>), and fails the
/// request, and so the test that sent it, naming each way the answer breaks the contract. The body is buffered, so
/// the test reads it as usual.
/// </summary>
public sealed class ContractCheckingHandler : DelegatingHandler
{
    /// <summary>A file to which every answer is appended ("POST /interactions 201 application/json"), to see which
    /// declared answers the tests reach.</summary>
    public const string CoverageSetting = "COMMSLEDGER_CONTRACT_COVERAGE";

    private static readonly Lock Appending = new();
    private readonly ResponseContract _contract;

    public ContractCheckingHandler(ResponseContract contract, HttpMessageHandler? inner = null)
        : base(inner ?? new SocketsHttpHandler())
    {
        _contract = contract;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = response.Content is { } content ? await content.ReadAsByteArrayAsync(cancellationToken) : [];
        var (operation, violations) = _contract.Check(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
            response.Content?.Headers.ContentType?.MediaType, body);
        if (Environment.GetEnvironmentVariable(CoverageSetting) is { Length: > 0 } coverage)
        {
            lock (Appending)
            {
                File.AppendAllText(coverage, $"{operation ?? "(not in the document) " + request.Method + " " + request.RequestUri.AbsolutePath} {(int)response.StatusCode} {response.Content?.Headers.ContentType?.MediaType}\n");
            }
        }

        if (violations.Count > 0)
        {
            response.Dispose();
            throw new ContractViolated(violations, System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 2000))));
        }

        return response;
    }
}

/// <summary>An answer that the OpenAPI document does not describe. Fix the document's conventions or the server, not
/// the check; after changing the API, refresh the committed document (see CommittedDocumentTests).</summary>
public sealed class ContractViolated(IReadOnlyList<string> violations, string body)
    : XunitException($"The answer breaks the OpenAPI contract (src/CommsLedger.Client/openapi.json):\n  {string.Join("\n  ", violations)}\nbody: {body}");
