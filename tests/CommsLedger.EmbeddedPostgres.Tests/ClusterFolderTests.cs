using System.Net;
using System.Net.Sockets;

namespace CommsLedger.EmbeddedPostgres.Tests;

public sealed class ClusterFolderTests
{
    [Fact]
    public async Task a_cluster_can_live_in_folders_that_do_not_exist_yet()
    {
        var outer = EmbeddedClusterOptions.ThrowAway().DataDirectory;
        var options = EmbeddedClusterOptions.ThrowAway() with { DataDirectory = Path.Combine(outer, "nested", "cluster") };
        try
        {
            await using var cluster = await EmbeddedCluster.StartAsync(options);

            Assert.Equal(1, await Sql.ScalarAsync<int>(cluster.ConnectionString, "select 1"));
        }
        finally
        {
            Directory.Delete(outer, recursive: true);
        }
    }

    [Fact]
    public async Task a_cluster_whose_port_was_taken_while_it_was_stopped_moves_to_a_free_one()
    {
        await using var folder = new ClusterFolder();
        int oldPort;
        await using (var first = await EmbeddedCluster.StartAsync(folder.Options))
        {
            oldPort = first.Port;
        }

        using var squatter = new TcpListener(IPAddress.Loopback, oldPort);
        squatter.Start();

        await using var again = await EmbeddedCluster.StartAsync(folder.Options);

        Assert.NotEqual(oldPort, again.Port);
        Assert.Equal(1, await Sql.ScalarAsync<int>(again.ConnectionString, "select 1"));
    }

    [Fact]
    public async Task a_folder_with_data_but_no_settings_is_refused_rather_than_overwritten()
    {
        var options = EmbeddedClusterOptions.ThrowAway();
        var data = Directory.CreateDirectory(Path.Combine(options.DataDirectory, "data"));
        File.WriteAllText(Path.Combine(data.FullName, "PG_VERSION"), "15");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedCluster.StartAsync(options));

            Assert.Contains("password is unknown", error.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(data.FullName, "PG_VERSION")));
        }
        finally
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
    }
}
