namespace DataArchiver.Core.PostgresTypes;

/// <summary>
/// A value has no exact representation in the column's Parquet type (numeric NaN or infinity in a DECIMAL column,
/// a timestamp beyond the microsecond range, a multi-dimensional array in a LIST column). Permanent: retrying reads
/// the same value again.
/// </summary>
public sealed class ValueNotRepresentableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ValueNotRepresentableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
