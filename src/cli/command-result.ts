import type { EvaluationResult } from '../engine/evaluate.js';

/** The CLI's exit codes: 0 nothing blocks, 1 a mandatory finding is not waived, 2 an input cannot be read. */
export const EXIT = { clean: 0, blocked: 1, error: 2 } as const;

/** What the CLI prints: the report on stdout (or --out), problems on stderr, and the exit code. */
export interface CommandResult {
  exitCode: number;
  output: string;
  errors: string[];
  result?: EvaluationResult;
}

/** A command that could not read its inputs: exit 2 with what and where. */
export function failure(errors: string[]): CommandResult {
  return { exitCode: EXIT.error, output: '', errors };
}
