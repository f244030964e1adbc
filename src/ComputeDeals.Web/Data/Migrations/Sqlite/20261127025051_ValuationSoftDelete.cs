using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComputeDeals.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ValuationSoftDelete : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDeleted",
                table: "Valuations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsDeleted",
                table: "Valuations");
        }
    }
}
