using CommsLedger.Api.Tests.Support;
using CommsLedger.Api.Tests.Support.Contract;
using CommsLedger.Client;
using CommsLedger.Client.Models;
using CommsLedger.Client.SignIn;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace CommsLedger.Client.Tests.Support;

/// <summary>The generated client as an integrator builds it (the package's <see cref="LedgerClient"/>: an API key
/// for the API's host, Kiota's own HttpClient pipeline). The API itself is the real one (the API tests' <see cref="ApiHost"/>).</summary>
public static class LedgerClients
{
    public static CommsLedgerApiClient SignedIn(ApiHost api, string user) => WithKey(api, api.KeyOf(user));

    /// <summary>Kiota's own pipeline (retry, redirect, headers), sending through the API tests' contract check, so
    /// every answer the client receives is also checked against the document it was generated from.</summary>
    public static CommsLedgerApiClient WithKey(ApiHost api, string apiKey) =>
        LedgerClient.WithApiKey(api.Address, apiKey, KiotaClientFactory.Create(new ContractCheckingHandler(ResponseContract.Committed)));

    /// <summary>The seed call (China–Peru, 5 November 2020), read from the CLI's example file by the client's own
    /// JSON parser.</summary>
    public static async Task<InteractionFile> SeedCall()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed-call.json"));
        return await KiotaJsonSerializer.DeserializeAsync(json, InteractionFile.CreateFromDiscriminatorValue)
            ?? throw new InvalidDataException("seed-call.json is empty");
    }
}
