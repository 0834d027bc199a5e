using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Core.Pipeline;

/// <summary>One attempt at one work unit; <see cref="RetryingUnitProcessor"/> runs attempts until one succeeds or retrying is pointless.</summary>
public interface IUnitAttempt
{
    /// <summary>
    /// Tries <paramref name="unit"/> once; a failure is thrown, not returned. <paramref name="history"/> is what the
    /// earlier attempts at the same unit left (the attempt may add to it); nothing else survives from one attempt to the next.
    /// </summary>
    Task<UnitResult> RunAsync(WorkUnit unit, AttemptHistory history, CancellationToken cancellationToken);
}
