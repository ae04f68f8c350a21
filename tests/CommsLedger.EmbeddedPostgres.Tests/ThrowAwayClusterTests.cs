namespace CommsLedger.EmbeddedPostgres.Tests;

public sealed class ThrowAwayClusterTests
{
    [Fact]
    public async Task a_throw_away_cluster_starts_and_answers_a_query()
    {
        await using var cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway());

        Assert.Equal(1, await Sql.ScalarAsync<int>(cluster.ConnectionString, "select 1"));
        Assert.Equal("commsledger", await Sql.ScalarAsync<string>(cluster.ConnectionString, "select current_database()"));
        Assert.Contains($"Port={cluster.Port}", cluster.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task created_databases_are_isolated_from_each_other_and_creating_one_twice_is_harmless()
    {
        await using var cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway());

        var first = await cluster.CreateDatabaseAsync("first_test");
        var second = await cluster.CreateDatabaseAsync("second_test");
        await Sql.ExecuteAsync(first, "create table marker (id int)");

        Assert.Equal(1L, await Sql.ScalarAsync<long>(first, "select count(*) from pg_tables where tablename = 'marker'"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(second, "select count(*) from pg_tables where tablename = 'marker'"));
        Assert.Equal(first, await cluster.CreateDatabaseAsync("first_test"));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(first, "select count(*) from pg_tables where tablename = 'marker'"));
    }

    [Fact]
    public async Task disposing_a_throw_away_cluster_stops_its_server_and_deletes_its_folder()
    {
        var cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway());
        var connectionString = cluster.ConnectionString;
        Assert.True(Directory.Exists(cluster.DataDirectory));

        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(cluster.DataDirectory));
        Assert.False(await Sql.AcceptsConnectionsAsync(connectionString));
    }

    [Fact]
    public async Task clusters_started_side_by_side_get_their_own_folders_and_ports()
    {
        var clusters = await Task.WhenAll(Enumerable.Range(0, 3)
            .Select(_ => EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway())));
        try
        {
            Assert.Equal(3, clusters.Select(c => c.Port).Distinct().Count());
            Assert.Equal(3, clusters.Select(c => c.DataDirectory).Distinct().Count());
            foreach (var cluster in clusters)
            {
                Assert.Equal(1, await Sql.ScalarAsync<int>(cluster.ConnectionString, "select 1"));
            }
        }
        finally
        {
            foreach (var cluster in clusters)
            {
                await cluster.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task a_throw_away_cluster_trades_durability_for_speed()
    {
        await using var cluster = await EmbeddedCluster.StartAsync(EmbeddedClusterOptions.ThrowAway());

        Assert.Equal("off", await Sql.ScalarAsync<string>(cluster.ConnectionString, "show fsync"));
        Assert.Equal("127.0.0.1", await Sql.ScalarAsync<string>(cluster.ConnectionString, "show listen_addresses"));
    }
}
