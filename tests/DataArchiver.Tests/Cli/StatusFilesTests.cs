using System.Text.Json;
using DataArchiver.Cli.Output;
using DataArchiver.Core.Progress;
using DataArchiver.Tests.Pipeline;

namespace DataArchiver.Tests.Cli;

public sealed class StatusFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("da-status-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Events_FromManyWorkersAtOnce_NeverFailAndTheLastWriteListsWhatIsInProgress()
    {
        using var status = new StatusFiles(_directory, TestSettings.Create(_directory), TimeProvider.System);
        var units = Enumerable.Range(0, 200).Select(i => TestSettings.Unit($"a/t/t-{i:D3}.jsonl.zst")).ToList();

        // Workers add and remove units while others write the file: each write must take one consistent snapshot.
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (unit, _) =>
        {
            status.UnitStarted(unit);
            status.StageChanged(unit, UnitStage.Extracting);
            if (unit.Key.EndsWith("0.jsonl.zst", StringComparison.Ordinal))
                return ValueTask.CompletedTask;
            status.UnitFinished(new UnitResult(unit, UnitOutcome.Archived, 1, 1, 1, TimeSpan.Zero));
            return ValueTask.CompletedTask;
        });
        status.StageChanged(units[0], UnitStage.Uploading);

        using var task = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "current_task.json")));
        var current = task.RootElement.GetProperty("current").EnumerateArray().Select(e => e.GetProperty("key").GetString()).ToList();
        Assert.Equal(units.Where(u => u.Key.EndsWith("0.jsonl.zst", StringComparison.Ordinal)).Select(u => u.Key), current);
        Assert.Equal(units.Count - current.Count, task.RootElement.GetProperty("units_done").GetInt32());
    }
}
