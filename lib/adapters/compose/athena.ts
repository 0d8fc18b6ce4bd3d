import { GlueClient } from "@aws-sdk/client-glue";
import { clickstreamGlueTable } from "@/lib/clickstream/columnar-glue";
import type { Env } from "@/lib/env";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { AthenaLakeQuery } from "../aws/athena-lake-query";
import { ensureGlueTableInputs, ensureGlueTables } from "../aws/glue-catalog";

/** The lake in AWS: Athena over the Glue database, in the app's workgroup. */
export const athenaLakeQuery = (env: Env): LakeQueryEngine =>
  new AthenaLakeQuery({
    database: env.SIGHTLINE_GLUE_DATABASE,
    workGroup: env.SIGHTLINE_ATHENA_WORKGROUP,
    region: env.AWS_REGION,
  });

let glue: GlueClient | undefined;
/** Keeps the lake's Glue tables registered (partition projection) over the processed bucket. */
export function registerGlueTables(env: Env, bucket: string) {
  glue ??= new GlueClient({});
  return ensureGlueTables(glue, {
    database: env.SIGHTLINE_GLUE_DATABASE,
    bucket,
    projectionStart: env.SIGHTLINE_LAKE_PROJECTION_START,
  });
}

/** Keeps the clickstream columnar copy's Glue table registered over the processed bucket. */
export function registerClickstreamGlueTable(env: Env, bucket: string) {
  glue ??= new GlueClient({});
  return ensureGlueTableInputs(glue, env.SIGHTLINE_GLUE_DATABASE, [
    clickstreamGlueTable({ bucket, projectionStart: env.SIGHTLINE_LAKE_PROJECTION_START }),
  ]);
}
