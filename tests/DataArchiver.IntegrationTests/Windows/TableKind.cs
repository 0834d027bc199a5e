namespace DataArchiver.IntegrationTests.Windows;

/// <summary>How a window test table is stored.</summary>
public enum TableKind
{
    /// <summary>One partition per day (<c>t_YYYYMMDD</c>).</summary>
    DailyPartitions,
    /// <summary>One partition per month (<c>t_YYYY_MM</c>).</summary>
    MonthlyPartitions,
    /// <summary>A table that is not partitioned.</summary>
    Plain,
}
