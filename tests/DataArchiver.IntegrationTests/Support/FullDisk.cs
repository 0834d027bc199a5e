using System.Diagnostics;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// A small tmpfs mounted for one test and filled up, so that any write to it fails with ENOSPC like a full disk.
/// Mounting needs root, as the test command runs in CI; anywhere else the test fails saying so.
/// </summary>
internal sealed class FullDisk : IDisposable
{
    private FullDisk(string path) => Path = path;

    /// <summary>The mount point; it holds one file, <c>filler</c>, that takes all the space.</summary>
    public string Path { get; }

    public static FullDisk Mount()
    {
        var path = Directory.CreateTempSubdirectory("da-full-").FullName;
        Run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0777", "tmpfs", path);
        var disk = new FullDisk(path);
        var chunk = new byte[4096];
        using (var filler = new FileStream(System.IO.Path.Combine(path, "filler"), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            try
            {
                for (var i = 0; i < 1024; i++)
                    filler.Write(chunk);
            }
            catch (IOException)
            {
                // Full: exactly what the test wants.
            }
        }
        Assert.True(new DriveInfo(path).AvailableFreeSpace == 0, $"{path} still has {new DriveInfo(path).AvailableFreeSpace} bytes free");
        return disk;
    }

    /// <summary>The files on the disk besides the filler.</summary>
    public string[] Leftovers() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).Where(name => name != "filler").ToArray()!;

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path);
    }

    private static void Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command}");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed ({error.Trim()}); the full-disk tests need root to mount a tmpfs");
    }
}
