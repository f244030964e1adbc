using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComputeDeals.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimelineIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_IsPublished_IsDeleted_AnnouncedOn",
                table: "Deals",
                columns: new[] { "IsPublished", "IsDeleted", "AnnouncedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_IsPublished_IsDeleted_AnnouncedOn",
                table: "Deals");
        }
    }
}
