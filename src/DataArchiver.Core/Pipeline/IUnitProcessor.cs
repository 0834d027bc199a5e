using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Core.Pipeline;

/// <summary>Carries one work unit through to its end. Decorators add retry and dry-run around the real one.</summary>
public interface IUnitProcessor
{
    /// <summary>Processes <paramref name="unit"/>; a failure is thrown, not returned.</summary>
    Task<UnitResult> ProcessAsync(WorkUnit unit, CancellationToken cancellationToken);
}
