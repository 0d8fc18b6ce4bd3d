/** Object store port: the filesystem under the data dir locally, S3 in AWS. Keys use `/`. */
export interface ObjectStore {
  get(key: string): Promise<Uint8Array>;
  /** null when the object does not exist. */
  getOptional(key: string): Promise<Uint8Array | null>;
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  /** Moves (local) or uploads (S3) a finished local file to `key`. */
  putFile(key: string, localPath: string): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  list(prefix: string): AsyncIterable<{ key: string; size: number; modified: Date }>;
}
