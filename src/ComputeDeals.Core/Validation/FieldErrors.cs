namespace ComputeDeals.Core.Validation;

/// <summary>
/// Validation errors keyed by field path ("Title", "Value.Low", "Parties[1].CompanyId"), each a
/// message that says how to fix the field. Forms show them inline; services refuse to save.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public int Count => _errors.Values.Sum(e => e.Count);

    public IReadOnlyCollection<string> Fields => _errors.Keys;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>The first message for a field, or null.</summary>
    public string? For(string field) => _errors.TryGetValue(field, out var list) ? list[0] : null;

    /// <summary>Whether any field under a prefix ("Parties[0]") has an error.</summary>
    public bool HasUnder(string prefix) => _errors.Keys.Any(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal) || k.StartsWith(prefix + "[", StringComparison.Ordinal));

    public void AddRange(FieldErrors other)
    {
        foreach (var (field, messages) in other._errors)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    public override string ToString() => string.Join("; ", _errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
}
