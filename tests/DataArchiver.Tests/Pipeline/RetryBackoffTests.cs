using System.Threading.Channels;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using Microsoft.Extensions.Time.Testing;

namespace DataArchiver.Tests.Pipeline;

/// <summary>The waits between attempts, on a fake clock: nothing here waits for real.</summary>
public sealed class RetryBackoffTests
{
    /// <summary>A fake clock that tells the test each time someone starts waiting on it, and for how long.</summary>
    private sealed class WatchedClock() : FakeTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero))
    {
        public Channel<TimeSpan> Waits { get; } = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
                Waits.Writer.TryWrite(dueTime);
            return timer;
        }
    }

    private sealed class AlwaysFailing : IUnitAttempt
    {
        public int Attempts { get; private set; }

        public Task<UnitResult> RunAsync(WorkUnit unit, AttemptHistory history, CancellationToken cancellationToken)
        {
            Attempts++;
            throw new SourceException("connection lost", isTransient: true);
        }
    }

    /// <summary>Runs a unit that always fails transiently, moving the clock on by each wait it asks for; returns the waits.</summary>
    private static async Task<(List<TimeSpan> Waits, int Attempts, RecordingProgress Progress)> RunAsync(RetryOptions options, Func<double>? random = null)
    {
        var clock = new WatchedClock();
        var inner = new AlwaysFailing();
        var progress = new RecordingProgress();
        var sut = new RetryingUnitProcessor(inner, options, progress, clock, random);
        var run = sut.ProcessAsync(TestSettings.Unit(), CancellationToken.None);
        var waits = new List<TimeSpan>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await Task.WhenAny(run, clock.Waits.Reader.WaitToReadAsync(patience.Token).AsTask()) != run)
        {
            while (clock.Waits.Reader.TryRead(out var wait))
            {
                waits.Add(wait);
                clock.Advance(wait);
            }
        }
        await Assert.ThrowsAsync<SourceException>(() => run);
        return (waits, inner.Attempts, progress);
    }

    [Fact]
    public async Task Process_AlwaysTransient_WaitsGrowExponentiallyWithJitterFromTheRetryDelayAndStopAfterMaxRetries()
    {
        var options = new RetryOptions { MaxRetries = 4, BaseDelay = TimeSpan.FromSeconds(5) };

        var (waits, attempts, progress) = await RunAsync(options);

        Assert.Equal(5, attempts);
        Assert.Equal(4, waits.Count);
        for (var i = 0; i < waits.Count; i++)
        {
            var nominal = 5.0 * Math.Pow(2, i);
            Assert.InRange(waits[i].TotalSeconds, nominal * 0.75, nominal * 1.25);
        }
        Assert.True(waits.Zip(waits.Skip(1)).All(pair => pair.Second > pair.First), string.Join(", ", waits));
        Assert.Equal(4, progress.Events.Count(e => e.StartsWith("retry:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0.0, 3.75, 7.5, 15.0)]
    [InlineData(0.5, 5.0, 10.0, 20.0)]
    [InlineData(0.999999, 6.25, 12.5, 25.0)]
    public async Task Process_JitterAtItsBounds_WaitsAreTheBaseDelayDoubledTimesThreeQuartersToFiveQuarters(double random, double first, double second, double third)
    {
        var (waits, _, _) = await RunAsync(new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(5) }, () => random);

        Assert.Equal([first, second, third], waits.Select(w => Math.Round(w.TotalSeconds, 2)));
    }

    [Fact]
    public async Task Process_LongBackoff_NoWaitLongerThanTheMaximum()
    {
        var options = new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(100), MaxDelay = TimeSpan.FromSeconds(150) };

        var (waits, _, _) = await RunAsync(options, () => 0.5);

        Assert.Equal([100.0, 150.0, 150.0], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task Process_NoRetries_TriesOnceWithoutWaiting()
    {
        var (waits, attempts, _) = await RunAsync(new RetryOptions { MaxRetries = 0, BaseDelay = TimeSpan.FromSeconds(5) });

        Assert.Equal(1, attempts);
        Assert.Empty(waits);
    }
}
