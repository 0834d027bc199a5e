namespace DataArchiver.Core.Pipeline;

/// <summary>
/// What earlier attempts at the same unit did, handed from one attempt to the next by the retry wrapper: the only
/// memory an attempt has of the ones before it. One per unit, never shared between units.
/// </summary>
public sealed class AttemptHistory
{
    /// <summary>Which attempt runs now, from 1.</summary>
    public int Attempt { get; private set; } = 1;

    /// <summary>
    /// Whether an attempt has sent the unit's object to the store. When its verification failed and a later attempt
    /// finds the object in place (the store was only slow to show it), the object is still this run's work: archived.
    /// </summary>
    public bool Uploaded { get; private set; }

    /// <summary>Notes that the object was sent to the store.</summary>
    public void NoteUpload() => Uploaded = true;

    /// <summary>Moves on to the next attempt.</summary>
    public void NextAttempt() => Attempt++;
}
