/** A database error shaped as Prisma raises them: the class name, a P-code, and a message that may be empty or quote values. */
export function databaseError(name: string, code: string | undefined, message: string, cause?: unknown): Error {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = name;
  if (code !== undefined) Object.assign(error, { code });
  return error;
}
