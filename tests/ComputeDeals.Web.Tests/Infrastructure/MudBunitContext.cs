using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ComputeDeals.Web.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor services and loose JS interop, disposed asynchronously.</summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    protected MudBunitContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
