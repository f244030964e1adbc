// Each browser test class starts its own Kestrel server and Chromium; on a 2-core machine running
// them side by side starves both and page loads time out. One class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
