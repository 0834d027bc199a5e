using System.CommandLine;
using DataArchiver.Cli.Configuration;

namespace DataArchiver.Cli.Commands;

/// <summary><c>data-archiver list</c>: binds its settings and hands over to <see cref="ListJob"/>.</summary>
internal sealed class ListCommand
{
    private readonly SettingOptions _options = new(SettingKeys.List);
    private readonly CliContext _context;

    /// <summary>Creates the command; <paramref name="state"/> learns the bound settings' debug mode and secrets.</summary>
    public ListCommand(CliContext context, RunState state)
    {
        _context = context;
        Command = new Command("list", "List archived objects with their size and row count");
        _options.AddTo(Command);
        Command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = Bind(parseResult);
            state.Debug = settings.Debug;
            state.Secrets.Add(settings.S3?.SecretKey);
            return await _context.RunList(settings, _context, cancellationToken);
        });
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>Binds flags given explicitly, the environment and the config file into validated settings.</summary>
    public ListSettings Bind(ParseResult parseResult) =>
        ListSettingsBinder.Bind(SettingsLoader.Load(_options.Explicit(parseResult), _context.Environment));
}
