namespace DataArchiver.IntegrationTests.Formats;

/// <summary>How a column's values are compared between PostgreSQL and DuckDB.</summary>
internal enum Comparison
{
    /// <summary>Both sides render text that must be identical.</summary>
    Text,
    /// <summary>Both sides return a float or double whose bits must be identical (NaN, ±Infinity, -0).</summary>
    Bits,
    /// <summary>Both sides render a JSON array of element texts that must be equal as JSON.</summary>
    JsonList,
    /// <summary>Both sides return a list of doubles whose bits must be identical.</summary>
    FloatListBits,
}
