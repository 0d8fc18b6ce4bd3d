import {
  CreateTableCommand,
  EntityNotFoundException,
  GetTableCommand,
  type GetTableCommandOutput,
  type GlueClient,
  UpdateTableCommand,
} from "@aws-sdk/client-glue";
import { type GlueTableInput, glueTableInput } from "@/lib/lake/glue";
import { TABLE_NAMES } from "@/lib/lake/tables";

/**
 * Registers every lake table in Glue with partition projection: CreateTable when missing,
 * UpdateTable when its definition differs from ours, nothing otherwise. No crawler.
 */
export function ensureGlueTables(
  glue: GlueClient,
  opts: { database: string; bucket: string; projectionStart: string },
): Promise<{ created: string[]; updated: string[] }> {
  return ensureGlueTableInputs(
    glue,
    opts.database,
    TABLE_NAMES.map((t) => glueTableInput(t, opts)),
  );
}

/** Keeps these tables registered as given: created when missing, updated when they differ. */
export async function ensureGlueTableInputs(
  glue: GlueClient,
  database: string,
  inputs: readonly GlueTableInput[],
): Promise<{ created: string[]; updated: string[] }> {
  const created: string[] = [];
  const updated: string[] = [];
  for (const input of inputs) {
    const table = input.Name;
    let existing: GetTableCommandOutput | undefined;
    try {
      existing = await glue.send(new GetTableCommand({ DatabaseName: database, Name: table }));
    } catch (err) {
      if (!(err instanceof EntityNotFoundException) && (err as { name?: string }).name !== "EntityNotFoundException")
        throw err;
    }
    const current = existing?.Table;
    if (!current) {
      await glue.send(new CreateTableCommand({ DatabaseName: database, TableInput: input }));
      created.push(table);
      continue;
    }
    const same =
      JSON.stringify(current.StorageDescriptor?.Columns?.map((c) => [c.Name, c.Type])) ===
        JSON.stringify(input.StorageDescriptor.Columns.map((c) => [c.Name, c.Type])) &&
      Object.entries(input.Parameters).every(([k, v]) => current.Parameters?.[k] === v);
    if (!same) {
      await glue.send(new UpdateTableCommand({ DatabaseName: database, TableInput: input }));
      updated.push(table);
    }
  }
  return { created, updated };
}
