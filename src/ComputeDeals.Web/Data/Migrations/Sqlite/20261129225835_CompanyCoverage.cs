using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComputeDeals.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompanyCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Coverage",
                table: "Companies",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "NotTracked"); // existing companies: not tracked until an editor says otherwise (never a zero)
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Coverage",
                table: "Companies");
        }
    }
}
