/** A progress bar on a terminal, or a line every tenth of the way when output goes to a file. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  const started = Date.now();
  return {
    /** `detail` replaces the done/total count, e.g. with the phase of work. */
    update(done: number, total: number, detail?: string) {
      const share = total > 0 ? done / total : 1;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        const count = detail ?? `${done.toLocaleString()}/${total.toLocaleString()}`;
        stream.write(`\r${label} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${count}   `);
      } else {
        const tenth = Math.floor(share * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          stream.write(`${label} ${(share * 100).toFixed(0)}% (${detail ?? `${done}/${total}`})\n`);
        }
      }
    },
    done(message: string) {
      if (stream.isTTY) stream.write('\n');
      stream.write(`${message} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    },
  };
}
