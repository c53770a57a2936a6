import { expect } from 'vitest';
import { InputError } from './input-error.js';

/** Awaits a promise that must fail with an InputError, and returns that error. */
export async function refusal(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}
