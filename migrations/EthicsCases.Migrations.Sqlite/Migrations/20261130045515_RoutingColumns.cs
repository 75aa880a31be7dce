using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoutingColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ReporterId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_FiledAt",
                table: "Cases");


            migrationBuilder.AddColumn<bool>(
                name: "RoutedToAuditCommittee",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RoutedToGeneralCounsel",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Existing cases keep their routing: the list column becomes one column per role.
            migrationBuilder.Sql("""
                UPDATE "Cases" SET "RoutedToGeneralCounsel" = "RoutedTo" LIKE '%"GeneralCounsel"%', "RoutedToAuditCommittee" = "RoutedTo" LIKE '%"AuditCommittee"%';
                """);
            migrationBuilder.DropColumn(
                name: "RoutedTo",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_FiledAt_Reference",
                table: "Cases",
                columns: new[] { "FiledAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReporterId_FiledAt",
                table: "Cases",
                columns: new[] { "ReporterId", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_FiledAt_Reference",
                table: "Cases",
                columns: new[] { "State", "FiledAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_RoutedToGeneralCounsel_FiledAt_Reference",
                table: "Cases",
                columns: new[] { "State", "RoutedToGeneralCounsel", "FiledAt", "Reference" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_FiledAt_Reference",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ReporterId_FiledAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_FiledAt_Reference",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_RoutedToGeneralCounsel_FiledAt_Reference",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RoutedToAuditCommittee",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RoutedToGeneralCounsel",
                table: "Cases");

            migrationBuilder.AddColumn<string>(
                name: "RoutedTo",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReporterId",
                table: "Cases",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_FiledAt",
                table: "Cases",
                columns: new[] { "State", "FiledAt" });
        }
    }
}
