using System.Diagnostics;

namespace DataArchiver.Viewer.Sources;

/// <summary>Whether a process id belongs to a live process (a status file left by a killed run does not).</summary>
internal static class ProcessProbe
{
    /// <summary>True when a process with <paramref name="pid"/> exists and has not exited.</summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0)
            return false;
        if (pid == Environment.ProcessId)
            return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
