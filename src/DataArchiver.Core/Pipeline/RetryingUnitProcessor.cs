using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.Storage;
using Polly;
using Polly.Retry;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Retries a whole unit (extract + encode + upload + verify) on transient failures with exponential backoff and
/// jitter. Permanent failures and the user's cancellation are never retried.
/// </summary>
public sealed class RetryingUnitProcessor(IUnitProcessor inner, int maxRetries, TimeSpan baseDelay, IArchiveProgress progress, TimeProvider clock)
    : IUnitProcessor
{
    /// <summary>Whether another attempt may succeed where <paramref name="error"/> failed.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        SourceException source => source.IsTransient,
        ObjectStoreException store => store.IsTransient,
        VerificationException => true,
        _ => false,
    };

    /// <inheritdoc />
    public async Task<UnitResult> ProcessAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        if (maxRetries <= 0)
            return await inner.ProcessAsync(unit, cancellationToken);
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                Delay = baseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromMinutes(5),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } error && IsTransient(error) && !args.Context.CancellationToken.IsCancellationRequested),
                OnRetry = args =>
                {
                    progress.StageChanged(unit, UnitStage.Retrying);
                    progress.Retrying(unit, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        return await pipeline.ExecuteAsync(async token => await inner.ProcessAsync(unit, token), cancellationToken);
    }
}
