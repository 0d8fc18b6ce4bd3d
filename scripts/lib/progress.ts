/** A one-line progress display on a TTY; periodic plain lines otherwise (CI logs). */
export function progress(total: number, label: string) {
  const tty = process.stderr.isTTY;
  let last = 0;
  const started = Date.now();
  return {
    update(done: number, extra = "") {
      const now = Date.now();
      if (done < total && now - last < (tty ? 100 : 5000)) return;
      last = now;
      const pct = total ? Math.floor((done / total) * 100) : 100;
      const width = 30;
      const bar = "#".repeat(Math.round((pct / 100) * width)).padEnd(width, ".");
      const line = `[${bar}] ${String(pct).padStart(3)}% ${done}/${total} ${label} ${extra} ${((now - started) / 1000).toFixed(1)}s`;
      if (tty) process.stderr.write(`\r${line}`);
      else process.stderr.write(`${line}\n`);
    },
    done() {
      if (tty) process.stderr.write("\n");
    },
  };
}
