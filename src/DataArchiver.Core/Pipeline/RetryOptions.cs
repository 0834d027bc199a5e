using DataArchiver.Core.Configuration;

namespace DataArchiver.Core.Pipeline;

/// <summary>How often and how patiently a failed unit is tried again.</summary>
public sealed record RetryOptions
{
    /// <summary>Retries after the first attempt (<c>--db-max-retries</c>); zero tries once.</summary>
    public int MaxRetries { get; init; } = Defaults.MaxRetries;

    /// <summary>The first backoff delay (<c>--db-retry-delay</c>), doubled for each further retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = Defaults.RetryDelay;

    /// <summary>No single wait is longer than this.</summary>
    public TimeSpan MaxDelay { get; init; } = Defaults.MaxRetryDelay;

    /// <summary>
    /// The wait before retry <paramref name="retry"/> (1 for the first): <see cref="BaseDelay"/> doubled for each retry
    /// after the first, times a jitter factor between 0.75 and 1.25 taken from <paramref name="random"/> (in [0, 1)), at
    /// most <see cref="MaxDelay"/>. The jitter spreads units that failed together; it is narrow enough that each wait is
    /// still longer than the one before.
    /// </summary>
    public TimeSpan DelayBefore(int retry, double random)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
        var jittered = exponential * (0.75 + 0.5 * Math.Clamp(random, 0, 1));
        return jittered >= MaxDelay.TotalMilliseconds ? MaxDelay : TimeSpan.FromMilliseconds(jittered);
    }
}
