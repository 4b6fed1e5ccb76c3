import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createHistoryStore } from '../../../src-main/history/history-store';
import { createFolderPicker } from '../../../src-main/jobs/folder-picker';
import { createJobRunner } from '../../../src-main/jobs/job-runner';
import { createJobStore } from '../../../src-main/jobs/job-store';
import { createPipelineRunSend } from '../../../src-main/jobs/pipeline-send';
import { fixedSecrets } from '../../../src-main/transfers/secret-reader';
import { tempHome } from '../../harness/temp-home';

const home = tempHome('courier-job-reading-');

// A workbook whose contacts are on its second sheet, below a title line, as some CRMs export it.
async function workbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Read me').addRows([['Exported from the CRM'], ['Do not edit this sheet']]);
  const contacts = book.addWorksheet('Contacts');
  contacts.addRows([
    ['Contacts of November'],
    ['Email', 'Language'],
    ['an@example.be', 'nl'],
    ['bo@example.be', 'fr'],
    ['cy@example.be', 'en'],
  ]);
  await book.xlsx.writeFile(path);
}

describe('a job reads its file the way the user corrected it', () => {
  it('uses the sheet and header line chosen on the preview, run after run', async () => {
    const file = join(home.path, 'crm.xlsx');
    await workbook(file);
    const jobs = createJobStore(home.path);
    const history = createHistoryStore(home.path);
    // The preset has no server yet, so each run stops before connecting: what it read is still recorded.
    const runner = createJobRunner({
      home: home.path,
      jobs,
      history,
      picker: createFolderPicker(home.path),
      runSend: createPipelineRunSend({ home: home.path, secrets: fixedSecrets({}) }),
    });
    const base = {
      source: { kind: 'file', path: file },
      destination: 'hello-customer',
      mapping: { Email: 'Email', Language: 'Language' },
    } as const;
    const corrected = await jobs.saveJob({
      ...base,
      name: 'Corrected',
      reading: { sheet: 'Contacts', headerRow: 2 },
    });
    const detected = await jobs.saveJob({ ...base, name: 'Detected' });
    expect(detected.reading).toEqual({});
    const readMe = await jobs.saveJob({ ...base, name: 'Read me', reading: { sheet: 'Read me' } });

    const [run] = (await runner.runJob(corrected.id, 'user')).runs;
    expect(run!.rows.read).toBe(3);
    expect(run!.error?.code).toBe('destination.not-configured');
    expect(run!.rows.issues).toEqual({});
    // A job told to read the "Read me" sheet reads that one: nothing in it is a contact.
    const [other] = (await runner.runJob(readMe.id, 'user')).runs;
    expect(other!.rows.read).not.toBe(3);
    // Without a correction Courier opens the sheet that holds the data by itself.
    const [found] = (await runner.runJob(detected.id, 'user')).runs;
    expect(found!.rows.read).toBe(3);
  });
});
