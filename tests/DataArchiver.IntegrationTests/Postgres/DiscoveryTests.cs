using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.IntegrationTests.Support;
using DataArchiver.Postgres;
using DataArchiver.Postgres.Extraction;

namespace DataArchiver.IntegrationTests.Postgres;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task DiscoverLeaves_TwoLevelTreeWithUndatedAndDefault_FindsEveryLeafWithItsBound()
    {
        var t = TestServices.UniqueName("disc");
        await Db.ExecuteAsync($"""
            CREATE TABLE {t} (id int, at timestamptz) PARTITION BY RANGE (at);
            CREATE TABLE {t}_20240101 PARTITION OF {t} FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
            CREATE TABLE {t}_2024_02 PARTITION OF {t} FOR VALUES FROM ('2024-02-01') TO ('2024-03-01') PARTITION BY RANGE (at);
            CREATE TABLE {t}_20240201 PARTITION OF {t}_2024_02 FOR VALUES FROM ('2024-02-01') TO ('2024-02-02');
            CREATE TABLE {t}_feb_second PARTITION OF {t}_2024_02 FOR VALUES FROM ('2024-02-02') TO ('2024-02-03');
            CREATE TABLE {t}_odd PARTITION OF {t} FOR VALUES FROM ('2024-03-01') TO ('2024-03-04');
            CREATE TABLE {t}_default PARTITION OF {t} DEFAULT;
            """);

        await using var connector = new PostgresConnector(ReaderHarness.Settings());
        var leaves = await new PostgresCatalog(connector).DiscoverLeavesAsync(new RelationName("public", t), CancellationToken.None);

        Assert.Equal(
            new[] { $"{t}_20240101", $"{t}_20240201", $"{t}_default", $"{t}_feb_second", $"{t}_odd" },
            leaves.Select(l => l.Relation.Name).Order(StringComparer.Ordinal));
        Assert.All(leaves, l => Assert.True(l.CanSelect));
        var periods = leaves.ToDictionary(l => l.Relation.Name, l => ArchivePlanner.DateOf(t, l, out _)?.Name);
        Assert.Equal("2024-01-01", periods[$"{t}_20240101"]);
        Assert.Equal("2024-02-01", periods[$"{t}_20240201"]);
        Assert.Equal("2024-02-02", periods[$"{t}_feb_second"]);   // dated by its range bound
        Assert.Null(periods[$"{t}_odd"]);                          // three days: no single period
        Assert.Null(periods[$"{t}_default"]);
    }

    [Fact]
    public async Task DiscoverLeaves_MissingTable_ConfigurationError()
    {
        await using var connector = new PostgresConnector(ReaderHarness.Settings());
        var error = await Assert.ThrowsAsync<ConfigurationException>(() =>
            new PostgresCatalog(connector).DiscoverLeavesAsync(new RelationName("public", "no_such_table_here"), CancellationToken.None));
        Assert.Contains("public.no_such_table_here does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoverLeaves_WrongPassword_AccessProblemWithoutThePassword()
    {
        const string wrong = "Wr0ng-Pa55word-Marker";
        await using var connector = new PostgresConnector(ReaderHarness.Settings(password: wrong));
        var error = await Assert.ThrowsAsync<SourceException>(() =>
            new PostgresCatalog(connector).DiscoverLeavesAsync(new RelationName("public", "x"), CancellationToken.None));
        Assert.True(error.IsAccessProblem);
        Assert.False(error.IsTransient);
        Assert.Contains("28P01", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoverLeaves_NoSelectPrivilege_LeafMarked()
    {
        var t = TestServices.UniqueName("priv");
        var role = TestServices.UniqueName("role");
        await Db.ExecuteAsync($"""
            CREATE TABLE {t} (id int, at date) PARTITION BY RANGE (at);
            CREATE TABLE {t}_20240101 PARTITION OF {t} FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
            CREATE TABLE {t}_20240102 PARTITION OF {t} FOR VALUES FROM ('2024-01-02') TO ('2024-01-03');
            CREATE ROLE {role} LOGIN PASSWORD 'role-pw';
            GRANT SELECT ON {t}, {t}_20240101 TO {role};
            """);
        var settings = ReaderHarness.Settings(password: "role-pw") with { User = role };

        await using var connector = new PostgresConnector(settings);
        var leaves = await new PostgresCatalog(connector).DiscoverLeavesAsync(new RelationName("public", t), CancellationToken.None);

        Assert.True(leaves.Single(l => l.Relation.Name.EndsWith("0101", StringComparison.Ordinal)).CanSelect);
        Assert.False(leaves.Single(l => l.Relation.Name.EndsWith("0102", StringComparison.Ordinal)).CanSelect);
    }
}
