using Microsoft.Extensions.Hosting;

namespace DataArchiver.Viewer;

/// <summary>
/// A host lifetime that does nothing: the command owns the signals (the default console lifetime would take SIGINT
/// and SIGTERM from it) and starts and stops the viewer itself.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
