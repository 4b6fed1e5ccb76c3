/**
 * Writes docs/destination.schema.json, the JSON schema of the destination file, generated from the
 * core zod schema (`npm run schema:destination`). A test checks the committed file equals it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { destinationSchemaText } from '../src-core/destinations/destination-file';

const target = join(import.meta.dirname, '..', 'docs', 'destination.schema.json');
writeFileSync(target, destinationSchemaText());
console.log(`Wrote ${target}`);
