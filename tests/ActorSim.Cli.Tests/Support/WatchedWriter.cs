namespace ActorSim.Cli.Tests.Support;

/// <summary>A <see cref="StringWriter"/> that says when the command printed its first line: the run has started.</summary>
internal sealed class WatchedWriter : StringWriter
{
    private readonly TaskCompletionSource _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstLine => _firstLine.Task;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        _firstLine.TrySetResult();
    }
}
