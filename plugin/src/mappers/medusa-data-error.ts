/** Medusa data we cannot map; the message names the field, never its value. */
export class MedusaDataError extends Error {
  override name = 'MedusaDataError';
  constructor(readonly field: string, problem: string) {
    super(`${field} ${problem}`);
  }
}
