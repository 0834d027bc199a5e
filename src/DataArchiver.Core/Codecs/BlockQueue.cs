namespace DataArchiver.Core.Codecs;

/// <summary>
/// A bounded first-in, first-out hand-over between threads that sleeps while it waits. <c>BlockingCollection</c>
/// waits on a <c>SemaphoreSlim</c>, which spins before it sleeps: with the reader usually waiting for the compressor,
/// that spinning took a whole core on small machines, the core the database server needed to produce the rows.
/// </summary>
internal sealed class BlockQueue<T>(int capacity)
{
    private readonly Queue<T> _items = new(capacity);
    private readonly object _gate = new();
    private bool _addingCompleted;

    /// <summary>Adds <paramref name="item"/>, waiting while the queue is full.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public void Add(T item, CancellationToken cancellationToken)
    {
        CancellationTokenRegistration wake = default;
        try
        {
            lock (_gate)
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (_addingCompleted)
                        throw new InvalidOperationException("the queue no longer takes items");
                    if (_items.Count < capacity)
                        break;
                    wake = RegisterWake(wake, cancellationToken);
                    // A cancellation between the check above and the registration woke nobody: look again.
                    if (!cancellationToken.IsCancellationRequested)
                        Monitor.Wait(_gate);
                }
                _items.Enqueue(item);
                Monitor.PulseAll(_gate);
            }
        }
        finally
        {
            wake.Dispose();
        }
    }

    /// <summary>Takes the oldest item, waiting while the queue is empty; false once it is empty and adding has completed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public bool TryTake(out T item, CancellationToken cancellationToken)
    {
        CancellationTokenRegistration wake = default;
        try
        {
            lock (_gate)
            {
                while (!_items.TryDequeue(out item!))
                {
                    if (_addingCompleted)
                        return false;
                    cancellationToken.ThrowIfCancellationRequested();
                    wake = RegisterWake(wake, cancellationToken);
                    // A cancellation between the check above and the registration woke nobody: look again.
                    if (!cancellationToken.IsCancellationRequested)
                        Monitor.Wait(_gate);
                }
                Monitor.PulseAll(_gate);
                return true;
            }
        }
        finally
        {
            wake.Dispose();
        }
    }

    /// <summary>Takes the oldest item if there is one, without waiting.</summary>
    public bool TryTakeNow(out T item)
    {
        lock (_gate)
        {
            if (!_items.TryDequeue(out item!))
                return false;
            Monitor.PulseAll(_gate);
            return true;
        }
    }

    /// <summary>No more items will be added: a taker finds the queue's end once it is empty.</summary>
    public void CompleteAdding()
    {
        lock (_gate)
        {
            _addingCompleted = true;
            Monitor.PulseAll(_gate);
        }
    }

    // Registered only once a wait is needed, so a hand-over that finds room allocates nothing.
    private CancellationTokenRegistration RegisterWake(CancellationTokenRegistration existing, CancellationToken cancellationToken) =>
        existing != default || !cancellationToken.CanBeCanceled
            ? existing
            : cancellationToken.UnsafeRegister(static state => ((BlockQueue<T>)state!).WakeAll(), this);

    private void WakeAll()
    {
        lock (_gate)
            Monitor.PulseAll(_gate);
    }
}
