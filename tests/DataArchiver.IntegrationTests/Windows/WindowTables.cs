using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Windows;

/// <summary>The three tables (daily partitions, monthly partitions, plain) with the same rows, created once per test class and only read.</summary>
public sealed class WindowTables : IAsyncLifetime
{
    private readonly Dictionary<TableKind, string> _names = new()
    {
        [TableKind.DailyPartitions] = TestServices.UniqueName("wd"),
        [TableKind.MonthlyPartitions] = TestServices.UniqueName("wm"),
        [TableKind.Plain] = TestServices.UniqueName("wp"),
    };

    public string this[TableKind kind] => _names[kind];

    public async Task InitializeAsync()
    {
        foreach (var (kind, name) in _names)
            await Db.ExecuteAsync(WindowData.CreateSql(name, kind, "timestamptz"));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
