using DataArchiver.Core.Codecs;

namespace DataArchiver.Tests.Codecs;

public sealed class BlockQueueTests
{
    [Fact]
    public async Task AddAndTake_OnTwoThreadsThroughASmallQueue_KeepEveryItemInOrder()
    {
        var queue = new BlockQueue<int>(capacity: 2);
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
                queue.Add(i, CancellationToken.None);
            queue.CompleteAdding();
        });

        var taken = new List<int>();
        while (queue.TryTake(out var item, CancellationToken.None))
            taken.Add(item);
        await producer;

        Assert.Equal(Enumerable.Range(0, 10_000), taken);
    }

    [Fact]
    public async Task Add_WhileFull_WaitsUntilCancelled()
    {
        var queue = new BlockQueue<int>(capacity: 1);
        queue.Add(1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = Task.Run(() => queue.Add(2, cancel.Token));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(queue.TryTakeNow(out var only));
        Assert.Equal(1, only);
        Assert.False(queue.TryTakeNow(out _));
    }

    [Fact]
    public async Task TryTake_WhileEmpty_WaitsUntilCancelled()
    {
        var queue = new BlockQueue<int>(capacity: 1);
        using var cancel = new CancellationTokenSource();

        var waiting = Task.Run(() => queue.TryTake(out _, cancel.Token));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void TryTake_AfterCompleteAdding_ReturnsWhatIsLeftThenFalse()
    {
        var queue = new BlockQueue<string>(capacity: 2);
        queue.Add("a", CancellationToken.None);
        queue.CompleteAdding();

        Assert.True(queue.TryTake(out var first, CancellationToken.None));
        Assert.Equal("a", first);
        Assert.False(queue.TryTake(out _, CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => queue.Add("b", CancellationToken.None));
    }
}
