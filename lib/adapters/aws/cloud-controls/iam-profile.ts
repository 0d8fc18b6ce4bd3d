import { type EC2Client, ReplaceIamInstanceProfileAssociationCommand } from "@aws-sdk/client-ec2";
import { type IAMClient, UpdateAccessKeyCommand } from "@aws-sdk/client-iam";
import type { ApiResult } from "@/lib/ports/cloud-controls";
import { callAws, requestIdOf } from "./call-aws";

/** Swaps the instance's profile (EC2 owns the association), cutting off the credentials it hands out. */
export async function replaceProfile(ec2: EC2Client, associationId: string, profileArn: string): Promise<ApiResult> {
  const out = await callAws("ReplaceIamInstanceProfileAssociation", () =>
    ec2.send(
      new ReplaceIamInstanceProfileAssociationCommand({
        AssociationId: associationId,
        IamInstanceProfile: { Arn: profileArn },
      }),
    ),
  );
  return {
    action: "ReplaceIamInstanceProfileAssociation",
    requestId: requestIdOf(out),
    detail: {
      associationId: out.IamInstanceProfileAssociation?.AssociationId,
      profileArn,
      state: out.IamInstanceProfileAssociation?.State,
    },
  };
}

export async function setAccessKeyStatus(
  iam: IAMClient,
  userName: string,
  accessKeyId: string,
  status: "Active" | "Inactive",
): Promise<ApiResult> {
  const out = await callAws("UpdateAccessKey", () =>
    iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status: status })),
  );
  return { action: "UpdateAccessKey", requestId: requestIdOf(out), detail: { userName, accessKeyId, status } };
}
