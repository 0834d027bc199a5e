using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.Storage;
using Polly;
using Polly.Retry;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Retries a whole unit (extract + encode + upload + verify) on transient failures with exponential backoff and
/// jitter (<see cref="RetryOptions.DelayBefore"/>), waiting on the injected clock; <paramref name="random"/> gives the
/// jitter (numbers in [0, 1); by default a shared random source). Permanent failures and the user's cancellation are never retried. Each unit
/// gets a fresh <see cref="AttemptHistory"/>, handed to each of its attempts in turn: the only thing one attempt
/// leaves the next.
/// </summary>
public sealed class RetryingUnitProcessor(IUnitAttempt attempt, RetryOptions options, IArchiveProgress progress, TimeProvider clock,
    Func<double>? random = null) : IUnitProcessor
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    /// <summary>Whether another attempt may succeed where <paramref name="error"/> failed.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        SourceException source => source.IsTransient,
        ObjectStoreException store => store.IsTransient,
        VerificationException => true,
        TempFileException => true,
        _ => false,
    };

    /// <inheritdoc />
    public async Task<UnitResult> ProcessAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        var history = new AttemptHistory();
        if (options.MaxRetries <= 0)
            return await attempt.RunAsync(unit, history, cancellationToken);
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(options.DelayBefore(args.AttemptNumber + 1, _random())),
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } error && IsTransient(error) && !args.Context.CancellationToken.IsCancellationRequested),
                OnRetry = args =>
                {
                    history.NextAttempt();
                    progress.StageChanged(unit, UnitStage.Retrying);
                    progress.Retrying(unit, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        return await pipeline.ExecuteAsync(async token => await attempt.RunAsync(unit, history, token), cancellationToken);
    }
}
