import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import type { Env } from "@/lib/env";
import { lakePaths } from "@/lib/lake/local-sources";
import type { ObjectStore } from "@/lib/ports/object-store";
import { S3ObjectStore } from "../aws/s3-object-store";
import { FsObjectStore } from "../local/fs-object-store";

const isAws = (env: Pick<Env, "SIGHTLINE_BACKEND">) => env.SIGHTLINE_BACKEND === "aws";

let s3: S3Client | undefined;
/** One S3 client per process (the first caller's region; in Lambda the SDK reads AWS_REGION itself). */
export function s3Client(env?: Pick<Env, "AWS_REGION">): S3Client {
  s3 ??= new S3Client({ region: env?.AWS_REGION });
  return s3;
}

/** A directory used as an object store (the local lake, raw areas, bench scratch space). */
export const objectStoreAt = (root: string): FsObjectStore => new FsObjectStore(root);

/** An S3 bucket (or the keys under `prefix` in it) as an object store; `client` lets a handler's caller hand in its own. */
export const bucketStore = (bucket: string, client?: S3Client, prefix?: string): ObjectStore =>
  new S3ObjectStore(client ?? s3Client(), bucket, prefix);

/** The local raw clickstream store (what `POST /api/collect` writes). */
export const clickstreamRawDir = (env: Pick<Env, "dataDir">) => path.join(env.dataDir, "clickstream");

/** Raw clickstream events (`events/YYYY/MM/DD/HH/…`): a directory locally, the clickstream bucket in AWS. */
export const clickstreamRawStore = (env: Env, client?: S3Client): ObjectStore =>
  isAws(env) ? bucketStore(env.SIGHTLINE_CLICKSTREAM_BUCKET ?? "", client) : objectStoreAt(clickstreamRawDir(env));

/** The clickstream warehouse's columnar copy (`events/dt=…/hr=…/*.parquet`) and its staging dir, under the local lake. */
export const clickstreamColumnarDirs = (env: Pick<Env, "dataDir">) => ({
  root: path.join(lakePaths(env.dataDir).root, "clickstream"),
  staging: path.join(lakePaths(env.dataDir).root, ".staging-clickstream"),
});

/** The local processed lake (Parquet, quarantine, manifests) under the data dir. */
export const localLakeStore = (env: Pick<Env, "dataDir">) => objectStoreAt(lakePaths(env.dataDir).root);
