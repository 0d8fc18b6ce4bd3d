// Buckets (KMS with the stack's customer key, rotation on; public access blocked; TLS-only policy;
// lifecycle; versioning where the spec says) — every setting comes from ./buckets.
import { bucketEncryption, bucketPolicy, bucketSpecs, keyPolicy, PUBLIC_ACCESS_BLOCK } from "./buckets";
import type { StageSettings } from "./stage";

export function storage(settings: StageSettings) {
  const key = new aws.kms.Key("DataKey", {
    description: "Sightline data at rest (buckets, queues)",
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: aws.getCallerIdentityOutput({}).accountId.apply((account) => JSON.stringify(keyPolicy(account))),
  });
  const buckets = Object.fromEntries(
    bucketSpecs(settings).map((spec) => {
      const bucket = new aws.s3.BucketV2(spec.id, { forceDestroy: !settings.production });
      new aws.s3.BucketServerSideEncryptionConfigurationV2(`${spec.id}Sse`, {
        bucket: bucket.id,
        ...bucketEncryption(key.arn as unknown as string),
      });
      new aws.s3.BucketPublicAccessBlock(`${spec.id}Public`, { bucket: bucket.id, ...PUBLIC_ACCESS_BLOCK });
      new aws.s3.BucketPolicy(`${spec.id}Policy`, {
        bucket: bucket.id,
        policy: $resolve([bucket.arn, key.arn]).apply(([b, k]) => JSON.stringify(bucketPolicy(b, k))),
      });
      if (spec.versioning)
        new aws.s3.BucketVersioningV2(`${spec.id}Versioning`, {
          bucket: bucket.id,
          versioningConfiguration: { status: "Enabled" },
        });
      if (spec.lifecycle.length)
        new aws.s3.BucketLifecycleConfigurationV2(`${spec.id}Lifecycle`, {
          bucket: bucket.id,
          rules: spec.lifecycle.map((r) => ({
            id: r.id,
            status: "Enabled",
            filter: { prefix: r.prefix },
            transitions: r.transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })),
            ...(r.expirationDays ? { expiration: { days: r.expirationDays } } : {}),
            ...(r.noncurrentExpirationDays
              ? { noncurrentVersionExpiration: { noncurrentDays: r.noncurrentExpirationDays } }
              : {}),
          })),
        });
      return [spec.id, bucket];
    }),
  ) as Record<ReturnType<typeof bucketSpecs>[number]["id"], aws.s3.BucketV2>;
  return { key, buckets };
}
