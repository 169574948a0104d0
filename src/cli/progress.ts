/** Above this many files a run shows a progress line (when stderr is a terminal). */
export const PROGRESS_THRESHOLD = 50;

export interface Progress {
  update(done: number): void;
  clear(): void;
}

/** A single line on stderr, rewritten in place and erased at the end. */
export function createProgress(stderr: NodeJS.WritableStream, total: number): Progress {
  return {
    update(done) {
      stderr.write(`\r\u001B[Kdefuse: linted ${done}/${total} files`);
    },
    clear() {
      stderr.write('\r\u001B[K');
    },
  };
}
