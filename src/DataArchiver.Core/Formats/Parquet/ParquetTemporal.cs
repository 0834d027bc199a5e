using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Formats.Parquet;

/// <summary>
/// Moves PostgreSQL's dates and timestamps (counted from 2000-01-01) to the Unix epoch Parquet counts from, with the
/// rule for ±infinity written into every file (<see cref="ParquetFileMetadata.InfinityRule"/>).
/// </summary>
internal static class ParquetTemporal
{
    /// <summary>Days from 1970-01-01 to 2000-01-01.</summary>
    public const int EpochShiftDays = 10_957;

    /// <summary>Microseconds from 1970-01-01 to 2000-01-01.</summary>
    public const long EpochShiftMicros = EpochShiftDays * 86_400_000_000L;

    /// <summary>
    /// What ±infinity dates become: ±(2³¹−1) days, the largest magnitudes an INT32 DATE holds (DuckDB reads them as
    /// ±infinity). No finite PostgreSQL date comes near them.
    /// </summary>
    public const int InfinityDays = int.MaxValue;

    /// <summary>
    /// What ±infinity timestamps become: ±(2⁶³−1) µs (DuckDB reads them as ±infinity). Finite timestamps at or beyond
    /// that magnitude (after the year 294246) cannot be written.
    /// </summary>
    public const long InfinityMicros = long.MaxValue;

    /// <summary>date → days since 1970-01-01; ±infinity → ±<see cref="InfinityDays"/>.</summary>
    public static int ReadDate(ReadOnlySpan<byte> field)
    {
        var days = PostgresBinary.ReadInt32(field);
        return days switch
        {
            int.MaxValue => InfinityDays,
            int.MinValue => -InfinityDays,
            // PostgreSQL's dates span 4713 BC to 5874897 AD: shifted by 10,957 days they stay inside ±(2³¹−1).
            _ => days + EpochShiftDays,
        };
    }

    /// <summary>
    /// timestamp and timestamptz → microseconds since 1970-01-01 (UTC for timestamptz); ±infinity →
    /// ±<see cref="InfinityMicros"/>; a finite value that would reach those throws.
    /// </summary>
    public static long ReadTimestamp(ReadOnlySpan<byte> field)
    {
        var micros = PostgresBinary.ReadInt64(field);
        if (micros == long.MaxValue)
            return InfinityMicros;
        if (micros == long.MinValue)
            return -InfinityMicros;
        if (micros >= InfinityMicros - EpochShiftMicros)
            throw new ValueNotRepresentableException(
                $"the timestamp {micros} µs after 2000-01-01 lies beyond the largest Parquet TIMESTAMP(micros) value");
        return micros + EpochShiftMicros;
    }
}
