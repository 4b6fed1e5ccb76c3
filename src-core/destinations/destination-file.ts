import { z } from 'zod';
import { CourierError } from '../errors';
import { Destination, parseDestination, type Destination as DestinationValue } from './destination';

/**
 * The destination file people export, keep in version control and import on other desktops: a
 * versioned envelope around one destination. Secrets are never in it (they live in the keychain
 * of each computer); importing asks for them again.
 */
export const DestinationFile = z
  .object({
    format: z.literal('courier-destination').describe('Always “courier-destination”.'),
    version: z.literal(1).describe('The version of this file format; 1 today.'),
    destination: Destination.describe(
      'The destination: columns, output format, limits, file name, connection (no secret).'
    ),
  })
  .describe(
    'A Courier destination, exported with “courier destinations export” or the Destinations screen.'
  );
export type DestinationFile = z.infer<typeof DestinationFile>;

/** The JSON schema of the destination file (published in `docs/destination.schema.json`). */
export function destinationFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DestinationFile, { io: 'input', target: 'draft-2020-12' }),
    title: 'Courier destination file',
  };
}

/** The text of `docs/destination.schema.json` (regenerate with `npm run schema:destination`). */
export const destinationSchemaText = (): string =>
  `${JSON.stringify(destinationFileJsonSchema(), null, 2)}\n`;

/** The text of a destination file for this destination (stable key order, ends with a newline). */
export function destinationFileText(destination: DestinationValue): string {
  const file: DestinationFile = { format: 'courier-destination', version: 1, destination };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a destination file's text; a file that is not one, or an invalid destination, is said plainly. */
export function parseDestinationFile(text: string, fileName: string): DestinationValue {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new CourierError(
      'destination.invalid',
      `“${fileName}” is not valid JSON, so it is not a destination file.`,
      {
        params: { file: fileName },
      }
    );
  }
  const envelope = json as { format?: unknown; version?: unknown; destination?: unknown } | null;
  if (!envelope || typeof envelope !== 'object' || envelope.format !== 'courier-destination') {
    throw new CourierError(
      'destination.invalid',
      `“${fileName}” is not a Courier destination file (it has no "format": "courier-destination").`,
      {
        params: { file: fileName },
      }
    );
  }
  if (envelope.version !== 1) {
    throw new CourierError(
      'destination.invalid',
      typeof envelope.version === 'number'
        ? `“${fileName}” is a destination file of version ${envelope.version}; this Courier reads version 1. Update Courier to import it.`
        : `“${fileName}” says no version of the destination file format (it needs "version": 1), so it is not imported.`,
      { params: { file: fileName } }
    );
  }
  return parseDestination(envelope.destination);
}
