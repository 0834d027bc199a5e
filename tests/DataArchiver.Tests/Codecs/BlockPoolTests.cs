using DataArchiver.Core.Codecs;

namespace DataArchiver.Tests.Codecs;

public sealed class BlockPoolTests
{
    [Fact]
    public async Task Rent_AfterReturnOnAnotherThread_GetsTheSameBlock()
    {
        var pool = new BlockPool(1024, keep: 2);
        var block = pool.Rent();

        await Task.Run(() => pool.Return(block));

        Assert.Same(block, pool.Rent());
    }

    [Fact]
    public void Return_BeyondKeep_LeavesTheBlockToTheCollector()
    {
        var pool = new BlockPool(16, keep: 2);
        var blocks = new[] { pool.Rent(), pool.Rent(), pool.Rent() };

        foreach (var block in blocks)
            pool.Return(block);
        var again = new[] { pool.Rent(), pool.Rent(), pool.Rent() };

        Assert.Equal(2, again.Count(block => blocks.Contains(block)));
    }

    [Fact]
    public void Return_BlockOfAnotherSize_Throws() =>
        Assert.Throws<ArgumentException>(() => new BlockPool(16, keep: 2).Return(new byte[8]));
}
