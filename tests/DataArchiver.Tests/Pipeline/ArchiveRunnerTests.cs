using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Tests.Pipeline;

public sealed class ArchiveRunnerTests
{
    private sealed class Processor(Func<WorkUnit, CancellationToken, Task<UnitResult>> process) : IUnitProcessor
    {
        public Task<UnitResult> ProcessAsync(WorkUnit unit, CancellationToken cancellationToken) => process(unit, cancellationToken);
    }

    private static ArchivePlan Plan(int units) =>
        new([.. Enumerable.Range(0, units).Select(i => TestSettings.Unit($"a/t/t-2024-01-{i + 1:00}.jsonl.zst"))], [], 0);

    [Fact]
    public async Task Run_UnitEndsWithAnyErrorAfterTheUserCancelled_IsAnInterruptionNotAFailure()
    {
        using var cancellation = new CancellationTokenSource();
        var sut = new ArchiveRunner(new Processor(async (_, _) =>
        {
            await cancellation.CancelAsync();
            // What a cancelled socket read or a server's "query cancelled" looks like: not an OperationCanceledException.
            throw new IOException("connection closed");
        }), new RecordingProgress(), workers: 2, TimeProvider.System);

        var summary = await sut.RunAsync(Plan(4), cancellation.Token);

        Assert.True(summary.Interrupted);
        Assert.False(summary.AnyFailed, string.Join("; ", summary.Results.Select(r => r.Unit.Key + " " + r.Outcome + " " + r.Error)));
        Assert.Equal(4, summary.Planned);
        Assert.Equal(4, summary.Unfinished);
    }

    [Fact]
    public async Task Run_UnitFailsWithoutCancellation_IsAFailureAndTheOthersGoOn()
    {
        var sut = new ArchiveRunner(new Processor((unit, _) => unit.Key.EndsWith("02.jsonl.zst", StringComparison.Ordinal)
            ? throw new IOException("No space left on device", 28)
            : Task.FromResult(new UnitResult(unit, UnitOutcome.Archived, 1, 1, 1, TimeSpan.Zero))), new RecordingProgress(), workers: 2, TimeProvider.System);

        var summary = await sut.RunAsync(Plan(3), CancellationToken.None);

        Assert.False(summary.Interrupted);
        Assert.Equal(2, summary.Count(UnitOutcome.Archived));
        Assert.Equal("disk full: No space left on device", Assert.Single(summary.Results, r => r.Outcome == UnitOutcome.Failed).Error);
        Assert.Equal(0, summary.Unfinished);
    }
}
