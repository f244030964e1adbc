using MudBlazor;

namespace ComputeDeals.Web.Features.Editing.Shared;

/// <summary>Opens the conflict dialog and answers whether the editor chose to reload.</summary>
public static class ConflictPrompt
{
    public static async Task<bool> AskReloadAsync(IDialogService dialogs, ConflictInfo conflict)
    {
        var parameters = new DialogParameters<ConflictDialog> { { d => d.Conflict, conflict } };
        var dialog = await dialogs.ShowAsync<ConflictDialog>("Conflict", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var choice = await dialog.Result;
        return choice is { Canceled: false, Data: ConflictDialog.ReloadResult };
    }
}
