using System.Collections.Concurrent;
using System.Text.Json;
using DataArchiver.Cli.Output;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Tests.Pipeline;

namespace DataArchiver.Tests.Cli;

public sealed class StatusFilesTests : IDisposable
{
    private const int Workers = 8;
    private readonly string _directory = Directory.CreateTempSubdirectory("da-status-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Events_FromManyWorkersAtOnce_NeverThrowAndEndConsistent()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        using var status = new StatusFiles(_directory, TestSettings.Create(_directory), clock);
        var units = Enumerable.Range(0, 400).Select(i => TestSettings.Unit($"a/t/t-{i:D4}.jsonl.zst")).ToList();
        status.PlanReady(new ArchivePlan(units, [], 0));
        var failures = new ConcurrentQueue<Exception>();
        using var together = new Barrier(Workers);

        // Real threads released together, so that the workers overlap from the very first event on.
        var threads = Enumerable.Range(0, Workers).Select(w => new Thread(() =>
        {
            try
            {
                together.SignalAndWait();
                for (var i = w; i < units.Count; i += Workers)
                {
                    status.UnitStarted(units[i]);
                    status.StageChanged(units[i], UnitStage.Extracting);
                    status.UnitFinished(new UnitResult(units[i], UnitOutcome.Archived, 1, 1, 1, TimeSpan.Zero));
                }
            }
            catch (Exception error)
            {
                failures.Enqueue(error);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        using var task = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "current_task.json")));
        Assert.Equal(units.Count, task.RootElement.GetProperty("units_done").GetInt32());
        Assert.Equal(units.Count, task.RootElement.GetProperty("units_total").GetInt32());
        Assert.Equal(0, task.RootElement.GetProperty("current").GetArrayLength());
    }
}
