// Where the CLI writes: stdout/stderr by default, buffers in tests.

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** True when stderr is a terminal: progress then overwrites one line. */
  tty?: boolean;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  tty: !!process.stderr.isTTY,
};
