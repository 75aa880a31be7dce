using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EthicsCases.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeactivatedAt",
                table: "People",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeactivationReason",
                table: "People",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ObjectId",
                table: "People",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TenantId",
                table: "People",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scheme",
                table: "AnonymousCredentials",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "PBKDF2-SHA256");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_ObjectId",
                table: "People",
                columns: new[] { "TenantId", "ObjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_ObjectId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DeactivationReason",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ObjectId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Scheme",
                table: "AnonymousCredentials");
        }
    }
}
