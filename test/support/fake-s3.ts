import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  type DeleteObjectsCommandInput,
  GetObjectCommand,
  type GetObjectCommandInput,
  HeadObjectCommand,
  type HeadObjectCommandInput,
  ListObjectsV2Command,
  type ListObjectsV2CommandInput,
  NoSuchBucket,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
} from "@aws-sdk/client-s3";
import { sdkStreamMixin } from "@smithy/util-stream";
import { mockClient } from "aws-sdk-client-mock";

interface StoredObject {
  body: Uint8Array;
  contentType: string | undefined;
  modified: Date;
}

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

/** S3 lists keys in UTF-8 byte order, not locale order. */
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** S3 keeps modification times to the second. */
const nowToTheSecond = () => new Date(Math.floor(Date.now() / 1000) * 1000);

function bytesOf(body: unknown): Uint8Array {
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return new Uint8Array(body);
  throw new Error("fake S3: only string and byte bodies are supported");
}

/** An S3 bucket's objects in memory, each call answered as S3 answers it. */
class MemoryBucket {
  readonly objects = new Map<string, StoredObject>();
  constructor(
    private readonly name: string,
    private readonly pageSize: number,
  ) {}

  private find(input: { Bucket?: string; Key?: string }) {
    this.check(input.Bucket);
    return this.objects.get(input.Key ?? "");
  }

  check(bucket: string | undefined) {
    if (bucket !== this.name) throw new NoSuchBucket({ message: "The specified bucket does not exist", ...meta(404) });
  }

  put(input: PutObjectCommandInput) {
    this.check(input.Bucket);
    const body = bytesOf(input.Body);
    this.objects.set(input.Key ?? "", { body, contentType: input.ContentType, modified: nowToTheSecond() });
    return { ETag: '"fake"', ...meta(200) };
  }

  get(input: GetObjectCommandInput) {
    const o = this.find(input);
    if (!o) throw new NoSuchKey({ message: "The specified key does not exist.", ...meta(404) });
    return {
      Body: sdkStreamMixin(Readable.from([Buffer.from(o.body)])),
      ContentLength: o.body.byteLength,
      ContentType: o.contentType,
      LastModified: o.modified,
      ...meta(200),
    };
  }

  head(input: HeadObjectCommandInput) {
    const o = this.find(input);
    if (!o) throw new NotFound({ message: "Not Found", ...meta(404) });
    return { ContentLength: o.body.byteLength, ContentType: o.contentType, LastModified: o.modified, ...meta(200) };
  }

  /** Deleting a key that is not there succeeds, as in S3. */
  delete(input: DeleteObjectsCommandInput) {
    this.check(input.Bucket);
    const keys = (input.Delete?.Objects ?? []).map((o) => o.Key ?? "");
    if (keys.length > 1000) throw Object.assign(new Error("MalformedXML"), { name: "MalformedXML" });
    for (const k of keys) this.objects.delete(k);
    return input.Delete?.Quiet ? meta(200) : { Deleted: keys.map((Key) => ({ Key })), ...meta(200) };
  }

  list(input: ListObjectsV2CommandInput) {
    this.check(input.Bucket);
    if (input.Delimiter !== undefined) throw new Error("fake S3: Delimiter is not supported");
    const prefix = input.Prefix ?? "";
    const after = input.ContinuationToken
      ? Buffer.from(input.ContinuationToken, "base64url").toString()
      : (input.StartAfter ?? "");
    const keys = [...this.objects.keys()]
      .filter((k) => k.startsWith(prefix) && byteOrder(k, after) > 0)
      .sort(byteOrder);
    const page = keys.slice(0, Math.min(input.MaxKeys ?? 1000, this.pageSize));
    const truncated = keys.length > page.length;
    const contents = page.map((Key) => {
      const o = this.objects.get(Key) as StoredObject;
      return { Key, Size: o.body.byteLength, LastModified: o.modified };
    });
    return {
      // S3 leaves Contents out of an empty page.
      Contents: contents.length ? contents : undefined,
      KeyCount: page.length,
      IsTruncated: truncated,
      NextContinuationToken: truncated ? Buffer.from(page[page.length - 1] ?? "").toString("base64url") : undefined,
      ...meta(200),
    };
  }
}

/**
 * One S3 bucket in memory behind an S3Client instance, answering the object calls as S3 does:
 * missing keys are `NoSuchKey` (404), listings are in byte order and paged with opaque
 * continuation tokens, deleting a missing key succeeds. Any other call fails loudly, so an adapter
 * that starts making a new call gets a failing test rather than an `undefined` answer.
 * `pageSize` caps a listing page below the 1,000 keys S3 returns, so small tests cross pages.
 */
export function fakeS3Bucket(client: S3Client, bucket: string, opts: { pageSize?: number } = {}) {
  const b = new MemoryBucket(bucket, opts.pageSize ?? 1000);
  const mock = mockClient(client);
  mock.onAnyCommand().rejects(new Error("fake S3: unsupported command"));
  mock.on(PutObjectCommand).callsFake(async (i) => b.put(i));
  mock.on(GetObjectCommand).callsFake(async (i) => b.get(i));
  mock.on(HeadObjectCommand).callsFake(async (i) => b.head(i));
  mock
    .on(DeleteObjectCommand)
    .callsFake(async (i) => b.delete({ Bucket: i.Bucket, Delete: { Objects: [{ Key: i.Key }], Quiet: true } }));
  mock.on(DeleteObjectsCommand).callsFake(async (i) => b.delete(i));
  mock.on(ListObjectsV2Command).callsFake(async (i) => b.list(i));
  return { objects: b.objects, restore: () => mock.restore() };
}
