namespace DataArchiver.Core.Extraction;

/// <summary>Reading from the database failed. <see cref="IsTransient"/> says whether trying again may help.</summary>
public sealed class SourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SourceException(string message, bool isTransient, bool isAccessProblem = false, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        IsAccessProblem = isAccessProblem;
    }

    /// <summary>Connection loss, shutdown, cancellation by timeout, serialization failures, too many connections.</summary>
    public bool IsTransient { get; }

    /// <summary>The database cannot be reached or refused the login.</summary>
    public bool IsAccessProblem { get; }
}
