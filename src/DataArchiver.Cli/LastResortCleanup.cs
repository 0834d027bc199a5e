namespace DataArchiver.Cli;

/// <summary>
/// Cleanups that must happen even when the process is ended at once by a second interrupt: removing the status
/// files and this process's temp files, showing the terminal cursor again. Each must be quick, must not wait for a
/// lock another thread may hold, and must not throw.
/// </summary>
public sealed class LastResortCleanup
{
    private readonly Lock _gate = new();
    private readonly List<Action> _actions = [];

    /// <summary>Adds <paramref name="cleanup"/> until the returned registration is disposed.</summary>
    public IDisposable Register(Action cleanup)
    {
        lock (_gate)
            _actions.Add(cleanup);
        return new Registration(this, cleanup);
    }

    /// <summary>Runs every registered cleanup, newest first; a failing one does not stop the others.</summary>
    public void Run()
    {
        Action[] actions;
        lock (_gate)
            actions = [.. _actions];
        for (var i = actions.Length - 1; i >= 0; i--)
        {
            try
            {
                actions[i]();
            }
            catch (Exception)
            {
                // The process is about to end; there is nobody left to tell.
            }
        }
    }

    private void Remove(Action cleanup)
    {
        lock (_gate)
            _actions.Remove(cleanup);
    }

    private sealed class Registration(LastResortCleanup owner, Action cleanup) : IDisposable
    {
        public void Dispose() => owner.Remove(cleanup);
    }
}
