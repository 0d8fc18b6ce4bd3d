import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { sdkStreamMixin } from "@smithy/util-stream";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, test } from "vitest";
import { tempDir } from "@/test/support/databases";
import { S3ObjectStore } from "./s3-object-store";

const s3 = mockClient(S3Client);
const store = () => new S3ObjectStore(new S3Client({}), "lake");
beforeEach(() => s3.reset());

describe("S3ObjectStore", () => {
  test("get returns the body bytes; a missing key is null for getOptional", async () => {
    s3.on(GetObjectCommand, { Key: "a" }).resolves({ Body: sdkStreamMixin(Readable.from([Buffer.from("hello")])) });
    s3.on(GetObjectCommand, { Key: "b" }).rejects(new NoSuchKey({ message: "no", $metadata: {} }));
    expect(Buffer.from(await store().get("a")).toString()).toBe("hello");
    expect(await store().getOptional("b")).toBeNull();
  });

  test("list follows continuation tokens", async () => {
    s3.on(ListObjectsV2Command, { ContinuationToken: undefined }).resolves({
      Contents: [{ Key: "p/1", Size: 1 }],
      IsTruncated: true,
      NextContinuationToken: "t2",
    });
    s3.on(ListObjectsV2Command, { ContinuationToken: "t2" }).resolves({
      Contents: [{ Key: "p/2", Size: 2 }],
      IsTruncated: false,
    });
    const keys: string[] = [];
    for await (const o of store().list("p/")) keys.push(o.key);
    expect(keys).toEqual(["p/1", "p/2"]);
    expect(s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input)).toEqual([
      { Bucket: "lake", Prefix: "p/", ContinuationToken: undefined },
      { Bucket: "lake", Prefix: "p/", ContinuationToken: "t2" },
    ]);
  });

  test("delete sends at most 1,000 keys per call and surfaces per-key errors", async () => {
    s3.on(DeleteObjectsCommand).resolves({});
    await store().delete(Array.from({ length: 2500 }, (_, i) => `k${i}`));
    expect(s3.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input.Delete?.Objects?.length)).toEqual([
      1000, 1000, 500,
    ]);
    s3.reset();
    s3.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: "k1", Code: "AccessDenied" }] });
    await expect(store().delete(["k1"])).rejects.toThrow("k1: AccessDenied");
  });

  test("put writes to the bucket and key given", async () => {
    s3.on(PutObjectCommand).resolves({});
    await store().put("manifests/x.json", "{}", "application/json");
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: "lake",
      Key: "manifests/x.json",
      Body: "{}",
      ContentType: "application/json",
    });
  });

  test("a store on a prefix reads, writes, lists and deletes only under it, and lists keys without it", async () => {
    const sub = new S3ObjectStore(new S3Client({}), "lake", "clickstream/");
    s3.on(PutObjectCommand).resolves({});
    s3.on(GetObjectCommand, { Key: "clickstream/events/a.parquet" }).resolves({
      Body: sdkStreamMixin(Readable.from([Buffer.from("PAR1")])),
    });
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: "clickstream/events/a.parquet", Size: 4 }] });
    s3.on(DeleteObjectsCommand).resolves({});
    const local = path.join(tempDir("s3-prefix"), "a.parquet");
    fs.writeFileSync(local, "PAR1");
    await sub.putFile("events/a.parquet", local);
    expect(Buffer.from(await sub.get("events/a.parquet")).toString()).toBe("PAR1");
    const keys: string[] = [];
    for await (const o of sub.list("events/")) keys.push(o.key);
    await sub.delete(["events/a.parquet"]);
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: "lake",
      Key: "clickstream/events/a.parquet",
    });
    expect(keys).toEqual(["events/a.parquet"]);
    expect(s3.commandCalls(ListObjectsV2Command)[0]?.args[0].input.Prefix).toBe("clickstream/events/");
    expect(s3.commandCalls(DeleteObjectsCommand)[0]?.args[0].input.Delete?.Objects).toEqual([
      { Key: "clickstream/events/a.parquet" },
    ]);
    expect(fs.existsSync(local)).toBe(false);
  });
});
