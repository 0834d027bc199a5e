using System.Globalization;
using DataArchiver.Cli.Output;
using DataArchiver.Core.Pipeline;

namespace DataArchiver.Cli;

/// <summary>Runs one <c>list</c>: prints key, size and row count of every archived object under the prefix.</summary>
public static class ListJob
{
    /// <summary>Lists what <paramref name="settings"/> describe and returns an <see cref="ExitCodes"/> value.</summary>
    public static async Task<int> RunAsync(ListSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        var store = ObjectStores.Create(settings.S3, settings.LocalDirectory, line => context.Error.WriteLine(line));
        try
        {
            await store.CheckAccessAsync(cancellationToken);
            var rows = new List<(string Key, long Size, string Rows)>();
            await foreach (var item in store.ListAsync(settings.Prefix, cancellationToken))
            {
                var head = await store.HeadAsync(item.Key, cancellationToken);
                var count = head?.Metadata.GetValueOrDefault(ObjectMetadata.Rows) ?? "-";
                rows.Add((item.Key, item.Size, count));
            }
            var width = rows.Count == 0 ? 3 : Math.Max(3, rows.Max(r => r.Key.Length));
            await context.Out.WriteLineAsync($"{"key".PadRight(width)}  {"bytes",12}  {"rows",10}");
            foreach (var (key, size, count) in rows)
                await context.Out.WriteLineAsync($"{key.PadRight(width)}  {size.ToString(CultureInfo.InvariantCulture),12}  {count,10}");
            await context.Out.WriteLineAsync(
                $"{rows.Count} object(s), {SummaryPrinter.Bytes(rows.Sum(r => r.Size))} in {store.Describe()}");
            return ExitCodes.Ok;
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
