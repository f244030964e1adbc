using MudBlazor;

namespace ComputeDeals.Web.Features.Editing.Shared;

/// <summary>Opens the three-way merge dialog when a save is refused because someone else saved first.</summary>
public static class ConflictPrompt
{
    /// <summary>Opens the three-way merge; the editor's picks for the fields both sides changed, or null when cancelled.</summary>
    public static async Task<IReadOnlyDictionary<string, MergeSide>?> AskMergeAsync(IDialogService dialogs, ConflictInfo conflict, IReadOnlyList<MergeField> fields)
    {
        var parameters = new DialogParameters<MergeDialog> { { d => d.Conflict, conflict }, { d => d.Fields, fields } };
        var dialog = await dialogs.ShowAsync<MergeDialog>("Merge", parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
        var choice = await dialog.Result;
        return choice is { Canceled: false, Data: IReadOnlyDictionary<string, MergeSide> picks } ? picks : null;
    }
}
