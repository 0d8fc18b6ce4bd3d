import type { FlowRule } from "../../rule";
import { inboundFixtures, inboundFromInternet, perDestinationDaily } from "./shared";

const SSH = new Set([22]);
const f = inboundFixtures(22);

export const rule: FlowRule = {
  kind: "vpcflow",
  id: "flow-inbound-ssh-from-internet",
  version: 1,
  title: "SSH from the internet accepted",
  severity: 3,
  description:
    "A VPC flow log recorded an accepted TCP connection from an internet address to port 22 (SSH) of a private address: the host's SSH service is reachable from anywhere the security group allows.",
  tactic: "initial-access",
  techniques: ["T1133", "T1021.004"],
  match: (row) => inboundFromInternet(row, SSH),
  dedup: perDestinationDaily,
  runbook: {
    check: [
      "Which instance owns the interface and whether it is a bastion meant to face the internet.",
      "How many internet addresses connected and whether any session lasted or moved much data (packets, bytes); compare with the host's SSH logs.",
    ],
    contain: [
      "Narrow the security group to known address ranges or use Session Manager instead of open SSH.",
      "If a login succeeded from an unknown address, isolate the instance and rotate its keys.",
    ],
    falsePositives: [
      "Bastion hosts and SFTP servers accept SSH from the internet by design; add an exception for their interfaces.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
  ],
  fixtures: { fire: [f.open], quiet: [f.rejected, f.internal, f.reply] },
};
