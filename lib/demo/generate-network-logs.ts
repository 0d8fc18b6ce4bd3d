import type { World } from "./aws-world";
import type { Random } from "./random";

/** One VPC Flow Logs record (version 2 default format). */
export function flowLine(r: Random, w: World, t: number): string {
  const inst = r.pick(w.instances);
  const outbound = r.chance(0.5);
  const remote = r.chance(0.1)
    ? r.pick(w.attackerIps.filter((ip) => !ip.includes(":")))
    : `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  const port = r.pick([443, 443, 443, 80, 22, 3389, 5432, 53]);
  const src = outbound ? inst.privateIp : remote;
  const dst = outbound ? remote : inst.privateIp;
  const start = Math.floor(t / 1000);
  if (r.chance(0.02)) return `2 ${inst.account} ${inst.eni} - - - - - - - ${start} ${start + 60} - NODATA`;
  const action = !outbound && (port === 22 || port === 3389) && r.chance(0.7) ? "REJECT" : "ACCEPT";
  return `2 ${inst.account} ${inst.eni} ${src} ${dst} ${outbound ? r.int(32768, 60999) : r.int(1024, 65535)} ${outbound ? port : port} 6 ${r.int(1, 500)} ${r.int(40, 900_000)} ${start} ${start + 60} ${action} OK`;
}

/** One CloudWatch Logs event: sshd failures on an instance, or an application's JSON log line. */
export function logEvent(r: Random, w: World, t: number): { group: string; stream: string; message: string } {
  const inst = r.pick(w.instances);
  if (r.chance(0.2)) {
    return {
      group: "/ec2/secure",
      stream: inst.id,
      message: `sshd[${r.int(100, 9999)}]: Failed password for invalid user ${r.pick(["admin", "root", "ubuntu", "test"])} from ${r.pick(w.attackerIps)} port ${r.int(30000, 65000)} ssh2`,
    };
  }
  return {
    group: "/aws/lambda/payments",
    stream: `2026/01/01/[$LATEST]${r.hex(32)}`,
    message: JSON.stringify({
      level: r.pick(["info", "info", "warn", "error"]),
      msg: r.pick(["charge created", "refund issued", "card declined", "timeout calling bank"]),
      requestId: r.uuid(),
      latencyMs: r.int(5, 900),
      at: new Date(t).toISOString(),
    }),
  };
}
