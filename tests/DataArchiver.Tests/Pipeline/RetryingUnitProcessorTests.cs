using DataArchiver.Core.Extraction;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.Storage;

namespace DataArchiver.Tests.Pipeline;

public sealed class RetryingUnitProcessorTests
{
    private sealed class ScriptedProcessor(params Exception?[] failures) : IUnitAttempt
    {
        public int Attempts { get; private set; }
        public List<AttemptHistory> Histories { get; } = [];

        public Task<UnitResult> RunAsync(WorkUnit unit, AttemptHistory history, CancellationToken cancellationToken)
        {
            Histories.Add(history);
            Assert.Equal(Histories.Count(seen => seen == history), history.Attempt);
            var failure = Attempts < failures.Length ? failures[Attempts] : null;
            Attempts++;
            cancellationToken.ThrowIfCancellationRequested();
            return failure is null
                ? Task.FromResult(new UnitResult(unit, UnitOutcome.Archived, 1, 1, 1, TimeSpan.Zero))
                : Task.FromException<UnitResult>(failure);
        }
    }

    private static RetryingUnitProcessor CreateSut(IUnitAttempt inner, RecordingProgress progress, int retries = 3) =>
        new(inner, new RetryOptions { MaxRetries = retries, BaseDelay = TimeSpan.Zero }, progress, TimeProvider.System);

    [Fact]
    public async Task Process_TransientTwice_SucceedsOnThirdAttemptAndReportsEachRetry()
    {
        var inner = new ScriptedProcessor(new SourceException("lost connection", true), new ObjectStoreException("503", true));
        var progress = new RecordingProgress();

        var result = await CreateSut(inner, progress).ProcessAsync(TestSettings.Unit(), CancellationToken.None);

        Assert.Equal(UnitOutcome.Archived, result.Outcome);
        Assert.Equal(3, inner.Attempts);
        Assert.Equal(["retry:1:lost connection", "retry:2:503"], progress.Events.Where(e => e.StartsWith("retry", StringComparison.Ordinal)));
        Assert.Single(inner.Histories.Distinct());
    }

    [Fact]
    public async Task Process_TwoUnits_EachGetsItsOwnHistory()
    {
        var inner = new ScriptedProcessor();
        var sut = CreateSut(inner, new RecordingProgress());

        await sut.ProcessAsync(TestSettings.Unit("a/t/t-2024-01-01.jsonl.zst"), CancellationToken.None);
        await sut.ProcessAsync(TestSettings.Unit("a/t/t-2024-01-02.jsonl.zst"), CancellationToken.None);

        Assert.Equal(2, inner.Histories.Distinct().Count());
    }

    [Fact]
    public async Task Process_Permanent_NotRetried()
    {
        var inner = new ScriptedProcessor(new SourceException("no such table", false));

        await Assert.ThrowsAsync<SourceException>(() => CreateSut(inner, new RecordingProgress()).ProcessAsync(TestSettings.Unit(), CancellationToken.None));

        Assert.Equal(1, inner.Attempts);
    }

    [Fact]
    public async Task Process_AlwaysTransient_GivesUpAfterMaxRetries()
    {
        var inner = new ScriptedProcessor(Enumerable.Range(0, 10).Select(_ => (Exception?)new VerificationException("etag")).ToArray());

        await Assert.ThrowsAsync<VerificationException>(() => CreateSut(inner, new RecordingProgress(), retries: 2).ProcessAsync(TestSettings.Unit(), CancellationToken.None));

        Assert.Equal(3, inner.Attempts);
    }

    [Fact]
    public async Task Process_Cancelled_NotRetried()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var inner = new ScriptedProcessor();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(inner, new RecordingProgress()).ProcessAsync(TestSettings.Unit(), cancel.Token));

        Assert.True(inner.Attempts <= 1);
    }
}
