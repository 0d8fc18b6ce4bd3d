import { assumedRole } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";

const iam = call("iam");
const ARN = "arn:aws:iam::111122223333:saml-provider/CorpIdP";
const METADATA =
  '<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/saml"/>';
const admin = assumedRole("identity-admin", "tom");

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "saml-provider-created-or-updated",
  version: 1,
  title: "SAML identity provider created or its metadata replaced",
  severity: 4,
  description:
    "CreateSAMLProvider or UpdateSAMLProvider changed which SAML identity provider the account trusts. Whoever holds the provider's signing key can mint sign-ins for every role that trusts it, without any IAM user or key.",
  tactic: "persistence",
  techniques: ["T1484.002", "T1606.002"],
  events: ["CreateSAMLProvider", "UpdateSAMLProvider"],
  match: (e) => e.ok,
  resource: (e) => {
    const arn =
      e.param("sAMLProviderArn") || (typeof e.resp?.sAMLProviderArn === "string" ? e.resp.sAMLProviderArn : "");
    return { type: "AwsIamSamlProvider", id: arn || e.param("name") || null };
  },
  runbook: {
    check: [
      "Whether the identity team changed the provider (certificate rotation) and whether the metadata's issuer and signing certificate are theirs.",
      "Which roles trust the provider, and AssumeRoleWithSAML events through it since the change.",
    ],
    contain: ["Restore the known metadata or delete the provider, and revoke sessions of the roles that trust it."],
    falsePositives: ["Yearly signing certificate rotation by the identity provider's administrators."],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateSAMLProvider.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateSAMLProvider.html",
  ],
  fixtures: {
    fire: [
      iam(
        "CreateSAMLProvider",
        { sAMLMetadataDocument: METADATA, name: "CorpIdP" },
        { userIdentity: admin, responseElements: { sAMLProviderArn: ARN } },
      ),
      iam(
        "UpdateSAMLProvider",
        { sAMLMetadataDocument: METADATA, sAMLProviderArn: ARN },
        { userIdentity: admin, responseElements: { sAMLProviderArn: ARN } },
      ),
    ],
    quiet: [
      iam("CreateSAMLProvider", { sAMLMetadataDocument: METADATA, name: "CorpIdP" }, { errorCode: "AccessDenied" }),
      iam("GetSAMLProvider", { sAMLProviderArn: ARN }, { readOnly: true }),
    ],
  },
};
