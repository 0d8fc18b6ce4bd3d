// What the in-VPC functions reach without a NAT gateway: the S3 gateway endpoint and these
// interface endpoints (plain data; infra/network.ts creates them, a test checks coverage).

/** SDK client package → VPC endpoint service name suffix (`com.amazonaws.<region>.<suffix>`). */
export const INTERFACE_ENDPOINTS: Record<string, string> = {
  "client-sfn": "states",
  "client-athena": "athena",
  "client-glue": "glue",
  "client-ec2": "ec2",
  "client-auto-scaling": "autoscaling",
  "client-ssm": "ssm",
  "client-sesv2": "email",
  "client-sts": "sts",
};

export const GATEWAY_ENDPOINTS = { "client-s3": "s3" } as const;

/**
 * SDK clients with no VPC endpoint: IAM is a global service without PrivateLink, so the one call
 * that needs it (UpdateAccessKey, access-key containment) fails in a NAT-free VPC. Stages that
 * contain access keys set `nat: "managed"` (infra/network.ts), at the cost of a NAT gateway.
 */
export const NO_ENDPOINT: Record<string, string> = {
  "client-iam": "IAM has no interface endpoint; access-key containment needs the NAT option",
};
