import type { FlowRule } from "../../rule";
import { inboundFixtures, inboundFromInternet, perDestinationDaily } from "./shared";

const SMB = new Set([445]);
const f = inboundFixtures(445);

export const rule: FlowRule = {
  kind: "vpcflow",
  id: "flow-inbound-smb-from-internet",
  version: 1,
  title: "SMB from the internet accepted",
  severity: 4,
  description:
    "A VPC flow log recorded an accepted TCP connection from an internet address to port 445 (SMB file sharing) of a private address. SMB is a target of worms and remote-code exploits and is never meant to face the internet.",
  tactic: "initial-access",
  techniques: ["T1210", "T1021.002"],
  match: (row) => inboundFromInternet(row, SMB),
  dedup: perDestinationDaily,
  runbook: {
    check: [
      "Which instance or file system (FSx for Windows) owns the interface and which security group rule lets 445 in.",
      "Windows security and SMB logs for sessions from those addresses, and whether the host is patched.",
    ],
    contain: [
      "Remove the rule allowing 445 from the internet; reach file shares over a VPN or Direct Connect.",
      "Isolate the host if sessions succeeded and look for new services or scheduled tasks.",
    ],
    falsePositives: ["Rare; a lab host opened on purpose. Close it rather than excepting it."],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/fsx/latest/WindowsGuide/limit-access-security-groups.html",
  ],
  fixtures: { fire: [f.open], quiet: [f.rejected, f.internal, f.reply] },
};
