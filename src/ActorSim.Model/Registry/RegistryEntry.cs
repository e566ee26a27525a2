namespace ActorSim.Model.Registry;

/// <summary>One path of the registry: its type, how to read, check and write the live value, and its change signal.</summary>
internal sealed class RegistryEntry(string path, ParameterType type, Func<object> read, Func<object, string?> check, Action<object> write)
{
    private List<Action<RegistryChange>>? _observers;

    public string Path { get; } = path;

    public ParameterType Type { get; } = type;

    public ChangeSignal Signal { get; } = new();

    public object Read() => read();

    /// <summary>The rule the value breaks, or null.</summary>
    public string? Check(object value) => check(value);

    public void Write(object value) => write(value);

    public IDisposable Observe(Action<RegistryChange> observer)
    {
        (_observers ??= []).Add(observer);
        return new Subscription(this, observer);
    }

    public void NotifyObservers(RegistryChange change)
    {
        if (_observers is null)
        {
            return;
        }

        foreach (var observer in _observers.ToArray())
        {
            observer(change);
        }
    }

    private sealed class Subscription(RegistryEntry entry, Action<RegistryChange> observer) : IDisposable
    {
        public void Dispose() => entry._observers?.Remove(observer);
    }
}
