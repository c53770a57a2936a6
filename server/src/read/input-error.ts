/** A file that cannot be read as a report; the message names the file and the reason. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** What a format extractor hands back: plain text plus non-fatal doubts, each naming the file. */
export interface Extracted {
  text: string;
  warnings: string[];
}
