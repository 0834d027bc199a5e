using System.Collections.Concurrent;
using DataArchiver.Cli.Output;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Tests.Cli;

public sealed class CompositeProgressTests
{
    private static readonly WorkUnit Unit = new("a/t/t-2024-01-01.jsonl.zst",
        new Period(OutputDuration.Daily, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)), new RelationName("public", "t_20240101"));

    [Fact]
    public void Events_ListenerThrows_OthersGetEveryEventAndOneWarningNamingTheFailure()
    {
        var failing = new ThrowingProgress();
        var recorder = new RecordingProgress();
        var sut = new CompositeProgress(failing, recorder);

        sut.UnitStarted(Unit);
        sut.RowsDone(Unit, 10, 100);
        sut.UnitFinished(new UnitResult(Unit, UnitOutcome.Archived, 10, 100, 50, TimeSpan.Zero));

        Assert.Equal(1, failing.Calls);
        Assert.Equal(["started", "rows", "finished"], recorder.Events);
        var warning = Assert.Single(recorder.Warnings);
        Assert.Contains("progress display failed", warning, StringComparison.Ordinal);
        Assert.Contains("terminal went away", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_ListenerThrowsOnManyWorkersAtOnce_WarnsOnceAndNothingEscapes()
    {
        var failing = new ThrowingProgress();
        var recorder = new RecordingProgress();
        var sut = new CompositeProgress(failing, recorder);

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => sut.RowsDone(Unit, i, i));

        Assert.Single(recorder.Warnings);
        Assert.Equal(200, recorder.Events.Count);
        Assert.InRange(failing.Calls, 1, 8);
    }

    private sealed class ThrowingProgress : NullProgress
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override void Event(string name)
        {
            Interlocked.Increment(ref _calls);
            throw new IOException("terminal went away");
        }
    }

    private sealed class RecordingProgress : NullProgress
    {
        private readonly ConcurrentQueue<string> _events = new();
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Events => [.. _events];

        public IReadOnlyList<string> Warnings => [.. _warnings];

        protected override void Event(string name) => _events.Enqueue(name);

        public override void Warning(string message) => _warnings.Enqueue(message);
    }

    private abstract class NullProgress : IArchiveProgress
    {
        protected abstract void Event(string name);

        public void PlanReady(ArchivePlan plan) => Event("plan");
        public void UnitStarted(WorkUnit unit) => Event("started");
        public void StageChanged(WorkUnit unit, UnitStage stage) => Event("stage");
        public void RowsExpected(WorkUnit unit, long rows, bool estimated) => Event("expected");
        public void RowsDone(WorkUnit unit, long rows, long bytesOut) => Event("rows");
        public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause) => Event("retrying");
        public void UnitFinished(UnitResult result) => Event("finished");
        public void Debug(string message) => Event("debug");
        public virtual void Warning(string message) => Event("warning");
    }
}
