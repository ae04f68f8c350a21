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
    public async Task an_existing_cluster_takes_the_current_settings_when_it_starts_again()
    {
        await using var folder = new ClusterFolder();
        await using (var first = await EmbeddedCluster.StartAsync(folder.Options))
        {
            Assert.Equal(1, await Sql.ScalarAsync<int>(first.ConnectionString, "select 1"));
        }

        var ownConfig = new ClusterLayout(folder.Options.DataDirectory).OwnConfigFile;
        var stale = File.ReadAllText(ownConfig).Replace(ExpectedSharedBuffers(), "64MB", StringComparison.Ordinal);
        Assert.Contains("shared_buffers = 64MB", stale, StringComparison.Ordinal);
        File.WriteAllText(ownConfig, stale);

        await using var again = await EmbeddedCluster.StartAsync(folder.Options);

        Assert.Equal(ExpectedSharedBuffers(), await SharedBuffersAsync(again.ConnectionString));
    }

    [Theory]
    [InlineData(256L << 20, "128MB")]
    [InlineData(2L << 30, "512MB")]
    [InlineData(24L << 30, "2048MB")]
    public void the_page_cache_is_a_quarter_of_memory_between_postgresqls_default_and_two_gigabytes(long memory, string expected) =>
        Assert.Equal(expected, ServerConfig.SharedBuffers(memory));

    private static string ExpectedSharedBuffers() => ServerConfig.SharedBuffers(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    private static async Task<string> SharedBuffersAsync(string connectionString) =>
        $"{await Sql.ScalarAsync<long>(connectionString, "select setting::bigint * 8192 / 1048576 from pg_settings where name = 'shared_buffers'")}MB";

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
