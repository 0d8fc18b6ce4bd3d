import fs from "node:fs";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { ObjectStore } from "@/lib/ports/object-store";

/** The object store port on one S3 bucket, or on the keys under one prefix of it (`prefix` ends with `/`). */
export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
    readonly prefix = "",
  ) {}

  async get(key: string): Promise<Uint8Array> {
    const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
    if (!res.Body) throw new Error(`s3://${this.bucket}/${key} has no body`);
    return res.Body.transformToByteArray();
  }

  async getOptional(key: string): Promise<Uint8Array | null> {
    try {
      return await this.get(key);
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === "NoSuchKey") return null;
      throw err;
    }
  }

  async put(key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: body, ContentType: contentType }),
    );
  }

  async putFile(key: string, localPath: string): Promise<void> {
    const body = await fs.promises.readFile(localPath);
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.prefix + key,
        Body: body,
        ContentType: key.endsWith(".parquet") ? "application/vnd.apache.parquet" : undefined,
      }),
    );
    await fs.promises.rm(localPath, { force: true });
  }

  async delete(keys: readonly string[]): Promise<void> {
    // DeleteObjects takes at most 1,000 keys per call.
    for (let i = 0; i < keys.length; i += 1000) {
      const res = await this.s3.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: keys.slice(i, i + 1000).map((k) => ({ Key: this.prefix + k })), Quiet: true },
        }),
      );
      if (res.Errors?.length)
        throw new Error(`S3 delete failed for ${res.Errors.map((e) => `${e.Key}: ${e.Code}`).join(", ")}`);
    }
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number; modified: Date }> {
    let token: string | undefined;
    do {
      const res = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix + prefix, ContinuationToken: token }),
      );
      for (const o of res.Contents ?? [])
        if (o.Key)
          yield { key: o.Key.slice(this.prefix.length), size: o.Size ?? 0, modified: o.LastModified ?? new Date(0) };
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
  }
}
