using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CoveringStateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_State_FiledAt_Reference",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_FiledAt_Reference_RoutedToGeneralCounsel_Report~",
                table: "Cases",
                columns: new[] { "State", "FiledAt", "Reference", "RoutedToGeneralCounsel", "ReporterId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_State_FiledAt_Reference_RoutedToGeneralCounsel_Report~",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_FiledAt_Reference",
                table: "Cases",
                columns: new[] { "State", "FiledAt", "Reference" });
        }
    }
}
