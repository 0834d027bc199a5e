namespace DataArchiver.Core.Configuration;

/// <summary>The span of time one archived object covers.</summary>
public enum OutputDuration
{
    /// <summary>One hour, named <c>YYYY-MM-DD-HH</c>.</summary>
    Hourly,
    /// <summary>One day, named <c>YYYY-MM-DD</c>.</summary>
    Daily,
    /// <summary>One ISO week, named <c>YYYY-Www</c>.</summary>
    Weekly,
    /// <summary>One calendar month, named <c>YYYY-MM</c>.</summary>
    Monthly,
    /// <summary>One calendar year, named <c>YYYY</c>.</summary>
    Yearly,
}
