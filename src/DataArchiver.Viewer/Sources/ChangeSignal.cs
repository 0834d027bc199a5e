namespace DataArchiver.Viewer.Sources;

/// <summary>
/// A version number that waiters can await: <see cref="Notify"/> bumps it and wakes everyone waiting on an older one.
/// Many notifications while nobody looks count as one change.
/// </summary>
internal sealed class ChangeSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSource();
    private long _version;

    /// <summary>The current version.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
                return _version;
        }
    }

    /// <summary>Marks a change.</summary>
    public void Notify()
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            _version++;
            woken = _next;
            _next = NewSource();
        }
        woken.TrySetResult();
    }

    /// <summary>Completes once the version is past <paramref name="seen"/> (at once if it already is).</summary>
    public Task WaitPastAsync(long seen, CancellationToken cancellationToken)
    {
        lock (_gate)
            return _version > seen ? Task.CompletedTask : _next.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
