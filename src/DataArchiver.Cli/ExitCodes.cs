namespace DataArchiver.Cli;

/// <summary>The documented exit codes of <c>data-archiver</c>; no other place defines one.</summary>
public static class ExitCodes
{
    /// <summary>Everything archived or skipped.</summary>
    public const int Ok = 0;
    /// <summary>Some units failed, or an unexpected error ended the run.</summary>
    public const int Failed = 1;
    /// <summary>A usage or configuration error (nothing was attempted).</summary>
    public const int Usage = 2;
    /// <summary>The database or the store cannot be reached or refused our credentials.</summary>
    public const int AccessDenied = 3;
    /// <summary>Interrupted by Ctrl+C, SIGTERM or SIGHUP (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
