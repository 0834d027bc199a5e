namespace DataArchiver.Core.Progress;

/// <summary>What a worker is doing with its unit right now.</summary>
public enum UnitStage
{
    /// <summary>Checking whether the object is already stored.</summary>
    Checking,
    /// <summary>Counting the unit's rows.</summary>
    Counting,
    /// <summary>Reading rows and writing the compressed file.</summary>
    Extracting,
    /// <summary>Sending the file to the store.</summary>
    Uploading,
    /// <summary>Comparing what the store reports with what was written.</summary>
    Verifying,
    /// <summary>Waiting before another attempt.</summary>
    Retrying,
}
