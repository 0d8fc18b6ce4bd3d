import { FIXTURE, iamUser } from "../../fixtures";

/** The account id in an IAM or STS ARN ("" when it is not one). */
export const accountOfArn = (arn: string) => /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1] ?? "";

/** A federated user's identity block: a session minted by GetFederationToken from an IAM user's key. */
export const federatedUser = (name: string, issuer: string): Record<string, unknown> => {
  const user = iamUser(issuer);
  return {
    type: "FederatedUser",
    principalId: `${FIXTURE.account}:${name}`,
    arn: `arn:aws:sts::${FIXTURE.account}:federated-user/${name}`,
    accountId: FIXTURE.account,
    accessKeyId: "ASIAFEDERATED0000001",
    sessionContext: {
      sessionIssuer: {
        type: "IAMUser",
        principalId: user.principalId,
        arn: user.arn,
        accountId: FIXTURE.account,
        userName: issuer,
      },
      attributes: { creationDate: "2026-11-20T10:01:00Z", mfaAuthenticated: "false" },
    },
  };
};
