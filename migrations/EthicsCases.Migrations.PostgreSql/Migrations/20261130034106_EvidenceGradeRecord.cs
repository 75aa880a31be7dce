using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EthicsCases.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceGradeRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"PriorAdvice\" ALTER COLUMN \"Summary\" DROP NOT NULL; ALTER TABLE \"PriorAdvice\" ALTER COLUMN \"Summary\" TYPE bytea USING convert_to(\"Summary\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"EvidenceFiles\" ALTER COLUMN \"FileName\" DROP NOT NULL; ALTER TABLE \"EvidenceFiles\" ALTER COLUMN \"FileName\" TYPE bytea USING convert_to(\"FileName\", 'UTF8');");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Content",
                table: "EvidenceFiles",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "EvidenceFiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql("ALTER TABLE \"Determinations\" ALTER COLUMN \"Rationale\" DROP NOT NULL; ALTER TABLE \"Determinations\" ALTER COLUMN \"Rationale\" TYPE bytea USING convert_to(\"Rationale\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"Determinations\" ALTER COLUMN \"DepartureRationale\" DROP NOT NULL; ALTER TABLE \"Determinations\" ALTER COLUMN \"DepartureRationale\" TYPE bytea USING convert_to(\"DepartureRationale\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"Determinations\" ALTER COLUMN \"AdvisedOverrideReason\" DROP NOT NULL; ALTER TABLE \"Determinations\" ALTER COLUMN \"AdvisedOverrideReason\" TYPE bytea USING convert_to(\"AdvisedOverrideReason\", 'UTF8');");

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "Determinations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql("ALTER TABLE \"Cases\" ALTER COLUMN \"Summary\" DROP NOT NULL; ALTER TABLE \"Cases\" ALTER COLUMN \"Summary\" TYPE bytea USING convert_to(\"Summary\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"Cases\" ALTER COLUMN \"Details\" DROP NOT NULL; ALTER TABLE \"Cases\" ALTER COLUMN \"Details\" TYPE bytea USING convert_to(\"Details\", 'UTF8');");

            migrationBuilder.AddColumn<DateTime>(
                name: "ContentPurgedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql("ALTER TABLE \"CaseMessages\" ALTER COLUMN \"Text\" DROP NOT NULL; ALTER TABLE \"CaseMessages\" ALTER COLUMN \"Text\" TYPE bytea USING convert_to(\"Text\", 'UTF8');");

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "CaseMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql("ALTER TABLE \"AuditEvents\" ALTER COLUMN \"Reason\" DROP NOT NULL; ALTER TABLE \"AuditEvents\" ALTER COLUMN \"Reason\" TYPE bytea USING convert_to(\"Reason\", 'UTF8');");

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "AuditEvents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "AuditEvents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OsUser",
                table: "AuditEvents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonSha256",
                table: "AuditEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "AuditEvents",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AuditHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DirectoryHead = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Mac = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataKeys",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    KekId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Wrapped = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataKeys", x => x.OwnerId);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            // Events written before the record was keyed keep their order: the sequence follows the old row ids. The head
            // starts unsealed; 'ethics audit reseal' seals the old events and the head once (docs/adr/ADR-011).
            migrationBuilder.Sql("UPDATE \"AuditEvents\" AS e SET \"Seq\" = r.rn FROM (SELECT \"Id\", ROW_NUMBER() OVER (ORDER BY \"Id\") AS rn FROM \"AuditEvents\") AS r WHERE e.\"Id\" = r.\"Id\";");
            migrationBuilder.Sql("INSERT INTO \"AuditHeads\" (\"Id\", \"Seq\", \"LastHash\", \"DirectoryHead\", \"KeyId\", \"Mac\") SELECT 1, COUNT(*), COALESCE((SELECT \"Hash\" FROM \"AuditEvents\" ORDER BY \"Id\" DESC LIMIT 1), ''), COALESCE((SELECT \"Hash\" FROM \"AuditEvents\" WHERE \"CaseId\" IS NULL ORDER BY \"Id\" DESC LIMIT 1), ''), NULL, '' FROM \"AuditEvents\";");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Seq",
                table: "AuditEvents",
                column: "Seq",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditHeads");

            migrationBuilder.DropTable(
                name: "DataKeys");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Seq",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "Determinations");

            migrationBuilder.DropColumn(
                name: "ContentPurgedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "CaseMessages");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "OsUser",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "ReasonSha256",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "AuditEvents");

            migrationBuilder.Sql("ALTER TABLE \"PriorAdvice\" ALTER COLUMN \"Summary\" TYPE text USING convert_from(\"Summary\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"EvidenceFiles\" ALTER COLUMN \"FileName\" TYPE text USING convert_from(\"FileName\", 'UTF8');");

            migrationBuilder.AlterColumn<byte[]>(
                name: "Content",
                table: "EvidenceFiles",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);

            migrationBuilder.Sql("ALTER TABLE \"Determinations\" ALTER COLUMN \"Rationale\" TYPE text USING convert_from(\"Rationale\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"Determinations\" ALTER COLUMN \"DepartureRationale\" TYPE text USING convert_from(\"DepartureRationale\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"Determinations\" ALTER COLUMN \"AdvisedOverrideReason\" TYPE text USING convert_from(\"AdvisedOverrideReason\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"Cases\" ALTER COLUMN \"Summary\" TYPE text USING convert_from(\"Summary\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"Cases\" ALTER COLUMN \"Details\" TYPE text USING convert_from(\"Details\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"CaseMessages\" ALTER COLUMN \"Text\" TYPE text USING convert_from(\"Text\", 'UTF8');");

            migrationBuilder.Sql("ALTER TABLE \"AuditEvents\" ALTER COLUMN \"Reason\" TYPE text USING convert_from(\"Reason\", 'UTF8');");
        }
    }
}
