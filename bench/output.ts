/**
 * How every benchmark hands over what it measured: its Markdown section on stdout, and, when the runner (run.ts)
 * passes `--out <file>`, the section and its figures as JSON in that file. `--quick` asks for the short version.
 */
import { writeFileSync } from 'node:fs';

export interface BenchArguments {
  readonly quick: boolean;
  readonly out: string | undefined;
}

export function benchArguments(argv: readonly string[] = process.argv): BenchArguments {
  const at = argv.indexOf('--out');
  return { quick: argv.includes('--quick'), out: at > 0 ? argv[at + 1] : undefined };
}

/** Prints the section and writes it with its figures where the runner asked. */
export function handOver(section: string, figures: Record<string, unknown>, args = benchArguments()): void {
  process.stdout.write(section);
  if (args.out !== undefined) writeFileSync(args.out, JSON.stringify({ section, figures }, null, 2));
}

/** The peak resident memory of this process so far, in MB. */
export const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;
