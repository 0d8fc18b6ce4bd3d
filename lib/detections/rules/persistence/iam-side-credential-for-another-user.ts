import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call, forAnotherUser } from "../privilege-escalation/shared";

const iam = call("iam");
const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleExampleExampleExampleExampleExample user@host";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "iam-side-credential-for-another-user",
  version: 1,
  title: "SSH key, service credential or signing certificate added to another user",
  severity: 3,
  description:
    "UploadSSHPublicKey, CreateServiceSpecificCredential or UploadSigningCertificate gave a user other than the caller a credential that is not an access key or password (CodeCommit SSH, CodeCommit/Keyspaces/Bedrock passwords, X.509). Such credentials are rarely reviewed and outlive key rotation.",
  tactic: "persistence",
  techniques: ["T1098.001"],
  events: ["UploadSSHPublicKey", "CreateServiceSpecificCredential", "UploadSigningCertificate"],
  match: (e) => e.ok && forAnotherUser(e),
  resource: (e) => ({ type: "AwsIamUser", id: e.param("userName") || null }),
  runbook: {
    check: [
      "Whether the user asked for the credential, and what the user may reach with it (CodeCommit repositories, Keyspaces, Bedrock).",
      "Use of the credential since (GitPull/GitPush events, service sign-ins).",
    ],
    contain: [
      "Delete it (DeleteSSHPublicKey, DeleteServiceSpecificCredential, DeleteSigningCertificate) and review the caller's other changes.",
    ],
    falsePositives: [
      "Administrators onboarding developers to CodeCommit; add an exception for the identity team's role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadSSHPublicKey.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceSpecificCredential.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadSigningCertificate.html",
  ],
  fixtures: {
    fire: [
      iam(
        "UploadSSHPublicKey",
        { userName: "build-bot", sSHPublicKeyBody: SSH_KEY },
        { userIdentity: iamUser("mallory") },
      ),
      iam(
        "CreateServiceSpecificCredential",
        { userName: "build-bot", serviceName: "codecommit.amazonaws.com" },
        { userIdentity: assumedRole("ops", "bob") },
      ),
    ],
    quiet: [
      iam(
        "UploadSSHPublicKey",
        { userName: "mallory", sSHPublicKeyBody: SSH_KEY },
        { userIdentity: iamUser("mallory") },
      ),
      iam(
        "CreateServiceSpecificCredential",
        { userName: "build-bot", serviceName: "codecommit.amazonaws.com" },
        { userIdentity: iamUser("mallory"), errorCode: "AccessDenied" },
      ),
    ],
  },
};
