namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Writing a unit's temp file failed: the disk is full, or the file system refused. Thrown in place of whatever the
/// layers above the file made of the failure, so it is reported as what it is. Retried: another attempt may find the
/// space that a finished unit freed.
/// </summary>
public sealed class TempFileException(string message, Exception innerException) : IOException(message, innerException);
