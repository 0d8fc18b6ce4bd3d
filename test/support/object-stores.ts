import fs from "node:fs";
import { S3Client } from "@aws-sdk/client-s3";
import { S3ObjectStore } from "@/lib/adapters/aws/s3-object-store";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import type { ObjectStore } from "@/lib/ports/object-store";
import { tempDir } from "./databases";
import { fakeS3Bucket } from "./fake-s3";

export interface OpenObjectStore {
  store: ObjectStore;
  close(): Promise<void>;
}

export interface ObjectStoreTarget {
  name: "fs" | "s3";
  /** A fresh, empty store (own directory, or own in-memory bucket). */
  open(): Promise<OpenObjectStore>;
}

const fsTarget: ObjectStoreTarget = {
  name: "fs",
  async open() {
    const root = tempDir("object-store");
    return { store: new FsObjectStore(root), close: async () => fs.rmSync(root, { recursive: true, force: true }) };
  },
};

/** Pages of two keys, so every listing in the contract with more than two keys follows continuation tokens. */
const s3Target: ObjectStoreTarget = {
  name: "s3",
  async open() {
    const client = new S3Client({ region: "us-east-1" });
    const bucket = fakeS3Bucket(client, "sightline-lake", { pageSize: 2 });
    return {
      store: new S3ObjectStore(client, "sightline-lake"),
      close: async () => {
        bucket.restore();
        client.destroy();
      },
    };
  },
};

/** Every adapter of the object store port: the filesystem, and S3 answered by an in-memory bucket. */
export const OBJECT_STORE_TARGETS: ObjectStoreTarget[] = [fsTarget, s3Target];
