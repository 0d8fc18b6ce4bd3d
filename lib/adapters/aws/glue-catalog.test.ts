import {
  CreateTableCommand,
  EntityNotFoundException,
  GetTableCommand,
  GlueClient,
  UpdateTableCommand,
} from "@aws-sdk/client-glue";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, test } from "vitest";
import { glueTableInput } from "@/lib/lake/glue";
import { TABLE_NAMES } from "@/lib/lake/tables";
import { ensureGlueTables } from "./glue-catalog";

const glue = mockClient(GlueClient);
const opts = { database: "sightline", bucket: "acme-lake", projectionStart: "2024-01-01" };
beforeEach(() => glue.reset());

describe("ensureGlueTables", () => {
  test("creates every missing table with partition projection and the Parquet SerDe", async () => {
    glue.on(GetTableCommand).rejects(new EntityNotFoundException({ message: "not found", $metadata: {} }));
    glue.on(CreateTableCommand).resolves({});
    const res = await ensureGlueTables(new GlueClient({}), opts);
    expect(res.created).toEqual(TABLE_NAMES);
    const calls = glue.commandCalls(CreateTableCommand);
    expect(calls).toHaveLength(TABLE_NAMES.length);
    const ct = calls.find((c) => c.args[0].input.TableInput?.Name === "cloudtrail")?.args[0].input;
    expect(ct?.DatabaseName).toBe("sightline");
    expect(ct?.TableInput?.Parameters).toMatchObject({
      "projection.enabled": "true",
      "projection.dt.type": "date",
      "projection.dt.range": "2024-01-01,NOW",
      "projection.hr.type": "integer",
      "projection.hr.digits": "2",
      "storage.location.template": "s3://acme-lake/processed/cloudtrail/dt=${dt}/hr=${hr}",
    });
    expect(ct?.TableInput?.PartitionKeys).toEqual([
      { Name: "dt", Type: "string" },
      { Name: "hr", Type: "string" },
    ]);
    expect(ct?.TableInput?.StorageDescriptor?.SerdeInfo?.SerializationLibrary).toBe(
      "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
    );
    expect(ct?.TableInput?.StorageDescriptor?.Columns?.find((c) => c.Name === "any_ip")?.Type).toBe("array<string>");
    expect(ct?.TableInput?.StorageDescriptor?.Columns?.find((c) => c.Name === "event_time")?.Type).toBe("timestamp");
  });

  test("leaves identical tables alone and updates ones that drifted", async () => {
    glue.on(GetTableCommand).callsFake((input: { Name: string }) => {
      const t = glueTableInput(input.Name as never, opts);
      if (input.Name === "vpcflow") t.StorageDescriptor.Columns = t.StorageDescriptor.Columns.slice(0, 3);
      return { Table: { ...t, DatabaseName: "sightline" } };
    });
    glue.on(UpdateTableCommand).resolves({});
    const res = await ensureGlueTables(new GlueClient({}), opts);
    expect(res).toEqual({ created: [], updated: ["vpcflow"] });
    expect(glue.commandCalls(UpdateTableCommand)[0]?.args[0].input.TableInput?.StorageDescriptor?.Columns).toHaveLength(
      glueTableInput("vpcflow", opts).StorageDescriptor.Columns.length,
    );
    expect(glue.commandCalls(CreateTableCommand)).toHaveLength(0);
  });

  test("other Glue errors are not swallowed", async () => {
    glue.on(GetTableCommand).rejects(Object.assign(new Error("denied"), { name: "AccessDeniedException" }));
    await expect(ensureGlueTables(new GlueClient({}), opts)).rejects.toThrow("denied");
  });
});
