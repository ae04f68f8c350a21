using CommsLedger.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
await using var database = await LedgerDatabase.OpenAsync(builder.Configuration, CancellationToken.None);
var app = builder.AddLedgerApi(database.ConnectionString).Build();
app.UseLedgerApi();
await app.RunAsync();
