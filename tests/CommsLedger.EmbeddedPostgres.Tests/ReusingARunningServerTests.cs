namespace CommsLedger.EmbeddedPostgres.Tests;

public sealed class ReusingARunningServerTests
{
    [Fact]
    public async Task a_second_start_on_the_same_folder_reuses_the_server_which_only_the_first_stops()
    {
        await using var folder = new ClusterFolder();
        var first = await EmbeddedCluster.StartAsync(folder.Options);
        var postmasterPid = folder.PostmasterPid();

        var second = await EmbeddedCluster.StartAsync(folder.Options);
        Assert.Equal(first.Port, second.Port);
        Assert.Equal(postmasterPid, folder.PostmasterPid());

        await second.DisposeAsync();
        Assert.True(await Sql.AcceptsConnectionsAsync(first.ConnectionString));

        await first.DisposeAsync();
        Assert.False(await Sql.AcceptsConnectionsAsync(first.ConnectionString));
        Assert.False(File.Exists(folder.PostmasterPidFile));
        Assert.True(Directory.Exists(folder.Options.DataDirectory));
    }

    [Fact]
    public async Task the_starter_leaves_the_server_running_while_another_user_of_it_is_still_connected()
    {
        await using var folder = new ClusterFolder();
        var first = await EmbeddedCluster.StartAsync(folder.Options);
        await using var second = await EmbeddedCluster.StartAsync(folder.Options);

        await first.DisposeAsync();

        Assert.True(await Sql.AcceptsConnectionsAsync(second.ConnectionString));
    }

    [Fact]
    public async Task a_stopped_cluster_starts_again_with_its_data_and_password()
    {
        await using var folder = new ClusterFolder();
        await using (var first = await EmbeddedCluster.StartAsync(folder.Options))
        {
            await Sql.ExecuteAsync(first.ConnectionString, "create table survivor (id int)");
        }

        await using var again = await EmbeddedCluster.StartAsync(folder.Options);

        Assert.Equal(1L, await Sql.ScalarAsync<long>(again.ConnectionString, "select count(*) from pg_tables where tablename = 'survivor'"));
    }
}
