// Argument handling and exit codes for the paxguard CLI, with its I/O passed in so tests
// can drive it; exit 0 valid, 1 invalid, 2 usage.
import { asJson, decodeAny, summary } from './validate-command.ts';
import { progressBar } from './progress-bar.ts';

export interface CliIo {
  readText(path: string, onProgress: (read: number, total: number) => void): Promise<string>;
  fileSize(path: string): Promise<number>;
  stdout(text: string): void;
  stderr(text: string): void;
  stderrIsTty: boolean;
}

export const USAGE = `usage: paxguard validate FILE [--json] [--lenient] [--progress|--no-progress]

Reads a PAXLST or PNRGOV interchange, or a JSON manifest / PNR push, and says whether it
is valid. Default: a readable summary; --json prints the decoded domain object(s) or the
error list. --lenient accepts the real-world deviations strict mode rejects, as warnings.
Exit status: 0 valid, 1 invalid, 2 usage error.
`;

/** Files above this size get a progress bar on a terminal. */
const PROGRESS_BYTES = 1_000_000;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return 0;
  }
  if (command !== 'validate') {
    io.stderr(command ? `paxguard: unknown command "${command}"\n${USAGE}` : USAGE);
    return 2;
  }
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const files = rest.filter((a) => !a.startsWith('--'));
  const known = new Set(['--json', '--lenient', '--strict', '--progress', '--no-progress']);
  const unknown = [...flags].filter((f) => !known.has(f));
  if (unknown.length > 0 || files.length !== 1) {
    io.stderr(
      `paxguard: ${unknown.length ? `unknown option ${unknown.join(', ')}` : 'expected exactly one FILE'}\n${USAGE}`,
    );
    return 2;
  }
  const file = files[0]!;
  let size: number;
  try {
    size = await io.fileSize(file);
  } catch (e) {
    io.stderr(`paxguard: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const showProgress =
    flags.has('--progress') ||
    (!flags.has('--no-progress') && io.stderrIsTty && size >= PROGRESS_BYTES);
  const bar = showProgress ? progressBar(io.stderr) : undefined;
  const text = await io.readText(file, (read, total) => bar?.update('reading ', read, total));
  const mode = flags.has('--lenient') ? 'lenient' : 'strict';
  const decoded = decodeAny(text, {
    mode,
    onProgress: bar ? (at, total) => bar.update('decoding', at, total) : undefined,
  });
  bar?.update('decoding', text.length, text.length);
  bar?.done();
  io.stdout(flags.has('--json') ? asJson(decoded) : summary(file, decoded, mode));
  return decoded.result.ok ? 0 : 1;
}
