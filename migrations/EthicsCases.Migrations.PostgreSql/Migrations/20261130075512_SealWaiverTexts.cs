using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SealWaiverTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Text to bytea needs an explicit conversion on PostgreSQL; existing clear rows stay readable (clear bytes open as they are).
            migrationBuilder.Sql("ALTER TABLE \"Waivers\" ALTER COLUMN \"Reason\" DROP NOT NULL; ALTER TABLE \"Waivers\" ALTER COLUMN \"Reason\" TYPE bytea USING convert_to(\"Reason\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"Waivers\" ALTER COLUMN \"Rationale\" DROP NOT NULL; ALTER TABLE \"Waivers\" ALTER COLUMN \"Rationale\" TYPE bytea USING convert_to(\"Rationale\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"ImplicitWaiverProposals\" ALTER COLUMN \"Reason\" DROP NOT NULL; ALTER TABLE \"ImplicitWaiverProposals\" ALTER COLUMN \"Reason\" TYPE bytea USING convert_to(\"Reason\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"CodeAmendments\" ALTER COLUMN \"Summary\" DROP NOT NULL; ALTER TABLE \"CodeAmendments\" ALTER COLUMN \"Summary\" TYPE bytea USING convert_to(\"Summary\", 'UTF8');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Waivers\" ALTER COLUMN \"Reason\" TYPE character varying(4000) USING convert_from(\"Reason\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"Waivers\" ALTER COLUMN \"Rationale\" TYPE character varying(4000) USING convert_from(\"Rationale\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"ImplicitWaiverProposals\" ALTER COLUMN \"Reason\" TYPE character varying(4000) USING convert_from(\"Reason\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"CodeAmendments\" ALTER COLUMN \"Summary\" TYPE character varying(4000) USING convert_from(\"Summary\", 'UTF8');");
        }
    }
}
