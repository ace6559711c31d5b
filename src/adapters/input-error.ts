/** An input file (template, manifest) the gate cannot read, located as precisely as its parser allows. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}:${column ?? 1}` : ''}: ${reason}`);
    this.name = new.target.name;
  }
}
