/**
 * The AWS-RunShellScript commands that collect volatile evidence on an instance: process list,
 * sockets and the last day of system log, each uploaded to the evidence bucket and announced with
 * one `EVIDENCE <key> <sha256> <bytes>` line (the handler re-hashes what landed and compares).
 * Needs the AWS CLI on the instance and s3:PutObject on the evidence prefix in its role.
 */
export function collectionScript(bucket: string, prefix: string): string[] {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`not a bucket name: ${bucket}`);
  if (!/^[A-Za-z0-9/_.-]+$/.test(prefix)) throw new Error(`unsafe evidence prefix: ${prefix}`);
  return [
    "set -eu",
    'dir="$(mktemp -d)"',
    'ps auxww > "$dir/processes.txt" 2>&1 || true',
    '(ss -tanp || netstat -tanp) > "$dir/sockets.txt" 2>&1 || true',
    "(journalctl --since '-24 hours' --no-pager || cat /var/log/messages /var/log/syslog) > \"$dir/journal.txt\" 2>&1 || true",
    "for f in processes.txt sockets.txt journal.txt; do",
    `  key="${prefix}/$f"`,
    `  aws s3 cp --only-show-errors "$dir/$f" "s3://${bucket}/$key"`,
    '  echo "EVIDENCE $key $(sha256sum "$dir/$f" | cut -d" " -f1) $(stat -c %s "$dir/$f")"',
    "done",
    'rm -rf "$dir"',
  ];
}

export interface EvidenceLine {
  key: string;
  sha256: string;
  bytes: number;
}

/** The EVIDENCE lines of a command's output; lines outside `prefix` are ignored (the output is not trusted). */
export function parseEvidence(stdout: string, prefix: string): EvidenceLine[] {
  const out: EvidenceLine[] = [];
  for (const line of stdout.split("\n")) {
    const m = /^EVIDENCE (\S+) ([0-9a-f]{64}) (\d+)$/.exec(line.trim());
    if (m?.[1]?.startsWith(`${prefix}/`) && !m[1].includes(".."))
      out.push({ key: m[1], sha256: m[2] as string, bytes: Number(m[3]) });
  }
  return out;
}
