using MudBlazor;

namespace ComputeDeals.Web.Features.Editing.Shared;

/// <summary>
/// What an edit form needs for a three-way merge when its save is refused: the record as the editor opened it
/// (the common ancestor), and the steps compare, ask the editor about the fields both sides changed, apply.
/// One per open form; every editor form (deal, company, data center, valuation) uses it the same way.
/// </summary>
public sealed class MergeSession<T>(MergeCopiers<T> copiers, Func<T, Snapshot> snapshot)
    where T : class
{
    private T? _original;

    /// <summary>The record as the editor opened it, or as saved by the other editor after a merge (a detached copy).</summary>
    public T? Ancestor => _original;

    /// <summary>Remembers a freshly loaded record as the ancestor of the editor's changes (a copy, not the form's model).</summary>
    public void Opened(T? loaded) => _original = loaded is null ? null : EditorJson.Clone(loaded);

    /// <summary>
    /// Merges the editor's version with the one saved since: fields only one side changed merge by themselves, the
    /// dialog asks about the rest. The merged record (their version carrying the editor's changes), or null when
    /// the editor cancelled; after a merge their version is the new ancestor.
    /// </summary>
    public async Task<T?> MergeAsync(IDialogService dialogs, ConflictInfo conflict, T theirs, T mine)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(mine);
        var fields = ThreeWayMerge.Compare(snapshot(_original ?? theirs), snapshot(theirs), snapshot(mine));
        if (await ConflictPrompt.AskMergeAsync(dialogs, conflict, fields) is not { } choices)
        {
            return null;
        }

        _original = EditorJson.Clone(theirs);
        return ThreeWayMerge.Apply(theirs, mine, fields, choices, copiers);
    }
}
