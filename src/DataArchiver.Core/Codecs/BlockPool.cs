using System.Collections.Concurrent;

namespace DataArchiver.Core.Codecs;

/// <summary>
/// Fixed-size byte blocks that one thread fills and another empties. Unlike <see cref="System.Buffers.ArrayPool{T}"/>,
/// whose per-thread caches keep a block on every thread that ever returned one, a returned block is free for any
/// thread at once, so the blocks in use stay the few that are in flight. At most <c>keep</c> free blocks are kept.
/// </summary>
internal sealed class BlockPool(int blockSize, int keep)
{
    /// <summary>The size of the blocks the pipeline hands between its threads.</summary>
    public const int DefaultBlockSize = 256 * 1024;

    private readonly ConcurrentQueue<byte[]> _free = new();
    private int _freeCount;

    /// <summary>The process-wide pool of <see cref="DefaultBlockSize"/> blocks; keeps enough for several workers.</summary>
    public static BlockPool Shared { get; } = new(DefaultBlockSize, keep: 32);

    /// <summary>The size of every block.</summary>
    public int BlockSize => blockSize;

    /// <summary>A free block, or a new one when none is free.</summary>
    public byte[] Rent()
    {
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            return block;
        }
        return new byte[blockSize];
    }

    /// <summary>Gives a block back; beyond <c>keep</c> free blocks it is left to the garbage collector.</summary>
    public void Return(byte[] block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Length != blockSize)
            throw new ArgumentException("the block is not from this pool", nameof(block));
        if (Interlocked.Increment(ref _freeCount) <= keep)
            _free.Enqueue(block);
        else
            Interlocked.Decrement(ref _freeCount);
    }
}
