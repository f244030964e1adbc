namespace ComputeDeals.Web.Features.Editing.Shared;

/// <summary>
/// Text typed into number fields that is not a usable number ("NaN", 99999999999 months), by field
/// key. The model cannot hold such text, so the form keeps it here, shows it on the field and
/// refuses to save until it is fixed: nothing is silently emptied or clamped.
/// </summary>
public sealed class UnparsedInputs
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

    public bool IsEmpty => _messages.Count == 0;

    public void Set(string field, string? message)
    {
        if (message is null)
        {
            _messages.Remove(field);
        }
        else
        {
            _messages[field] = message;
        }
    }

    public string? For(string field) => _messages.GetValueOrDefault(field);

    public void Clear() => _messages.Clear();

    /// <summary>Adds every unparsed field to the rule errors and returns them, for one error list on the form.</summary>
    public FieldErrors AddTo(FieldErrors errors)
    {
        foreach (var (field, message) in _messages)
        {
            errors.Add(field, message);
        }

        return errors;
    }
}
