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

/**
 * What in-VPC code reaches on the public internet, where no VPC endpoint can take it. Any entry
 * means the VPC needs a NAT in every stage: without one these calls hang until their timeout.
 */
export const INTERNET_EGRESS: Record<string, string[]> = {
  // aws-jwt-verify fetches the user pool's JWKS (https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/jwks.json);
  // without it every request is signed out.
  Web: ["Cognito user pool JWKS"],
  // Notification channels: Slack incoming webhooks and the Telegram Bot API.
  FindingDispatch: ["hooks.slack.com", "api.telegram.org"],
  // IAM has no interface endpoint (NO_ENDPOINT): access-key containment.
  IncidentResponse: ["iam.amazonaws.com"],
};

/**
 * The NAT each stage gets: production a managed NAT gateway per AZ (no single instance to lose);
 * other stages SST's NAT instance ("ec2"), a fraction of the cost, same reachability.
 */
export function natFor(production: boolean): "managed" | "ec2" | undefined {
  if (Object.keys(INTERNET_EGRESS).length === 0) return undefined;
  return production ? "managed" : "ec2";
}
