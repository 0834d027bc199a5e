using System.Diagnostics;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>Waits for a condition by polling it, with a deadline: the drills' only way to wait for another party.</summary>
internal static class Poll
{
    /// <summary>How long a drill waits for something that normally happens within a second or two.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="probe"/> until it returns a value; fails the test with <paramref name="what"/> at the deadline.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null) where T : class =>
        (await UntilCoreAsync(async () => await probe() is { } found ? (true, found) : (false, null!), what, within))!;

    /// <summary>Polls <paramref name="probe"/> until it returns a value (for value types).</summary>
    public static Task<T> UntilValueAsync<T>(Func<T?> probe, string what, TimeSpan? within = null) where T : struct =>
        UntilCoreAsync(() => Task.FromResult(probe() is { } found ? (true, found) : (false, default(T))), what, within);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test with <paramref name="what"/> at the deadline.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        UntilCoreAsync(async () => (await condition(), true), what, within);

    /// <summary>Polls a synchronous <paramref name="condition"/>.</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        UntilCoreAsync(() => Task.FromResult((condition(), true)), what, within);

    private static async Task<T> UntilCoreAsync<T>(Func<Task<(bool Done, T Value)>> probe, string what, TimeSpan? within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (done, value) = await probe();
            if (done)
                return value;
            if (clock.Elapsed > (within ?? Deadline))
                throw new TimeoutException($"gave up after {clock.Elapsed.TotalSeconds:F0} s waiting for {what}");
            await Task.Delay(Interval);
        }
    }
}
