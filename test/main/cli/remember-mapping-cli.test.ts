import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../harness/temp-home';
import { courier } from '../cli-destinations/run-captured';
import { createServices } from '../../../src-main/services/services';

const home = tempHome('courier-remember-');

describe('courier check --remember-mapping', () => {
  it('remembers the mapping used, and later checks and the app find it through the same service', async () => {
    const file = join(home.path, 'export.csv');
    // Column names no suggestion maps with confidence.
    await writeFile(file, 'Col1;Col2;Col3\r\nwendy@example.be;nl;Wendy\r\n');
    const mappingFile = join(home.path, 'mapping.json');
    await writeFile(
      mappingFile,
      JSON.stringify({ Email: 'Col1', Language: 'Col2', FirstName: 'Col3' })
    );

    const before = await courier(['check', file, '--destination', 'hello-customer', '--json'], {
      home: home.path,
    });
    expect(JSON.parse(before.stdout).mapping.Email).toBeNull();

    const told = await courier(
      [
        'check',
        file,
        '--destination',
        'hello-customer',
        '--mapping',
        mappingFile,
        '--remember-mapping',
      ],
      { home: home.path }
    );
    expect(told.code).toBe(0);
    expect(told.stdout).toContain('The mapping is remembered for Hello Customer');

    // No --mapping now: the remembered one is used.
    const after = await courier(['check', file, '--destination', 'hello-customer'], {
      home: home.path,
    });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('as remembered for this file layout');

    // The app's Columns step reads it through the same mapping memory.
    const { remembered } = await createServices(home.path).mappings.suggest('hello-customer', [
      'Col1',
      'Col2',
      'Col3',
    ]);
    expect(remembered).toMatchObject({
      exact: true,
      mapping: { Email: 'Col1', Language: 'Col2', FirstName: 'Col3' },
    });

    // Without the flag nothing is remembered (a one-off mapping stays one-off).
    const other = join(home.path, 'other.csv');
    await writeFile(other, 'A1;A2\r\nx@example.be;fr\r\n');
    const otherMapping = join(home.path, 'other.json');
    await writeFile(otherMapping, JSON.stringify({ Email: 'A1', Language: 'A2' }));
    await courier(['check', other, '--destination', 'hello-customer', '--mapping', otherMapping], {
      home: home.path,
    });
    expect(
      (await createServices(home.path).mappings.suggest('hello-customer', ['A1', 'A2'])).remembered
    ).toBeNull();
  });
});
