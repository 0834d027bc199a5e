namespace DataArchiver.Core.Storage;

/// <summary>A store operation failed. <see cref="IsTransient"/> says whether trying again may help.</summary>
public sealed class ObjectStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ObjectStoreException(string message, bool isTransient, bool isAccessProblem = false, Exception? innerException = null, bool isNotFound = false)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        IsAccessProblem = isAccessProblem;
        IsNotFound = isNotFound;
    }

    /// <summary>5xx, throttling, timeouts and connection failures: a retry may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>The store could not be reached or refused our credentials (exit code 3 when nothing else failed first).</summary>
    public bool IsAccessProblem { get; }

    /// <summary>The object asked for does not exist (never set for a missing bucket, which is an access problem).</summary>
    public bool IsNotFound { get; }
}
