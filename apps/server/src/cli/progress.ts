/** A progress bar on a terminal, or a line every tenth of the way when output goes to a file. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  const started = Date.now();
  return {
    update(done: number, total: number) {
      const share = total > 0 ? done / total : 1;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        stream.write(
          `\r${label} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString()}/${total.toLocaleString()}`,
        );
      } else {
        const tenth = Math.floor(share * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          stream.write(`${label} ${(share * 100).toFixed(0)}% (${done}/${total})\n`);
        }
      }
    },
    done(message: string) {
      if (stream.isTTY) stream.write('\n');
      stream.write(`${message} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    },
  };
}
