using CommsLedger.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
await using var database = await builder.OpenLedgerDatabaseAsync(CancellationToken.None);
var app = builder.AddLedgerApi(database).Build();
app.UseLedgerApi();
await app.RunAsync();
