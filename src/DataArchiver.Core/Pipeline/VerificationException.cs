namespace DataArchiver.Core.Pipeline;

/// <summary>The store reports something other than what we wrote (size or ETag). Retried as a whole unit.</summary>
public sealed class VerificationException(string message) : Exception(message);
