/** A problem with one input: printed as one line naming the input (and line) and the reason. */
export class InputError extends Error {
  constructor(
    readonly origin: string,
    readonly reason: string,
  ) {
    super(`${origin}: ${reason}`);
    this.name = 'InputError';
  }
}
