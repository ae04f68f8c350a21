using CommsLedger.Api.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CommsLedger.Api.Tests.Topology;

/// <summary>Behind a load balancer a form served by one node is posted to another: both read the same key ring.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SessionKeysAcrossNodesTests(PostgresCluster postgres)
{
    [Fact]
    public async Task what_one_node_protects_another_node_of_the_same_ledger_reads()
    {
        await using var first = await ApiHost.StartAsync(postgres);
        await using var second = await ApiHost.StartOnAsync(first.ConnectionString);

        var cookie = Protector(first).Protect("signed in as rita");
        var read = Protector(second).Unprotect(cookie);

        Assert.Equal("signed in as rita", read);
    }

    private static IDataProtector Protector(ApiHost host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("sign-in");
}
