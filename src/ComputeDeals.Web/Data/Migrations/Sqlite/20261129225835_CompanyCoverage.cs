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

            // An existing company that operates a data center in the store has at least that site tracked:
            // "partial" (owned reads "at least" the tracked sites) is true of it without an editor's word.
            migrationBuilder.Sql("UPDATE \"Companies\" SET \"Coverage\" = 'Partial' WHERE \"Id\" IN (SELECT \"OperatorId\" FROM \"DataCenters\" WHERE NOT \"IsDeleted\");");
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
