/** An error the emulator answers with a Zoom-style `{code, message}` body. */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new EmulatorError(404, 1001, `${what} does not exist: ${id}.`);

export const invalidField = (field: string, message: string) => new EmulatorError(400, 300, `Invalid field: ${field}. ${message}`);

export const conflict = (message: string) => new EmulatorError(409, 409, message);
