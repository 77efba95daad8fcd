// A one-line progress bar on stderr for large files, redrawn in place with \r.
export interface ProgressBar {
  update(label: string, done: number, total: number): void;
  done(): void;
}

export function progressBar(write: (s: string) => void, width = 30): ProgressBar {
  let last = -1;
  let drawn = false;
  return {
    update(label, done, total) {
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
      if (pct === last) return;
      last = pct;
      const filled = Math.round((pct / 100) * width);
      write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}%`,
      );
      drawn = true;
    },
    done() {
      if (drawn) write('\n');
    },
  };
}
