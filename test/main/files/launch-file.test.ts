import { describe, expect, it } from 'vitest';
import { exportFromArgv, isExportFileName } from '../../../src-main/files/launch-file';

/** A disk holding exactly these paths (the parser does no I/O of its own). */
const disk = (platform: NodeJS.Platform, ...paths: string[]) => ({
  platform,
  exists: (path: string) => paths.includes(path),
});

describe('exportFromArgv: the file a launch or second launch names', () => {
  it('Linux: the file a file manager passes, relative to the second launch’s folder', () => {
    const on = disk('linux', '/home/ann/exports/contacts.csv', '/home/ann/My exports/list.xlsx');
    expect(exportFromArgv(['/opt/Courier/courier', 'contacts.csv'], '/home/ann/exports', on)).toBe(
      '/home/ann/exports/contacts.csv'
    );
    expect(
      exportFromArgv(['/opt/Courier/courier', '../My exports/list.xlsx'], '/home/ann/exports', on)
    ).toBe('/home/ann/My exports/list.xlsx');
  });

  it('Linux desktop files pass %U: a file:// address becomes its path (spaces, accents)', () => {
    const on = disk('linux', '/home/ann/My exports/café.xlsx');
    expect(
      exportFromArgv(
        ['/opt/Courier/courier', 'file:///home/ann/My%20exports/caf%C3%A9.xlsx'],
        '/',
        on
      )
    ).toBe('/home/ann/My exports/café.xlsx');
    // Another machine's file, or another scheme, is not a file to open.
    expect(exportFromArgv(['c', 'file://server/share/a.csv'], '/', disk('linux'))).toBeNull();
    expect(exportFromArgv(['c', 'https://evil.example/a.csv'], '/', disk('linux'))).toBeNull();
  });

  it('skips the program, Chromium’s switches, --hidden and macOS’s -psn_ argument', () => {
    const on = disk('linux', '/data/a.tsv');
    expect(
      exportFromArgv(
        [
          '/opt/Courier/courier',
          '--allow-file-access-from-files',
          '--original-process-start-time=1337',
          '-psn_0_12345',
          '/data/a.tsv',
          '--hidden',
        ],
        '/',
        on
      )
    ).toBe('/data/a.tsv');
    // The program itself is never taken, even when it looks like an export.
    expect(exportFromArgv(['/data/a.tsv'], '/', on)).toBeNull();
  });

  it('Windows: drive paths, paths with spaces, relative paths and file:// addresses', () => {
    const on = disk(
      'win32',
      'C:\\Users\\Ann\\My exports\\contacts.csv',
      'D:\\exports\\list.XLS',
      'C:\\Users\\Ann\\Desktop\\a.txt'
    );
    const exe = 'C:\\Program Files\\Courier\\Courier.exe';
    expect(exportFromArgv([exe, 'C:\\Users\\Ann\\My exports\\contacts.csv'], 'C:\\', on)).toBe(
      'C:\\Users\\Ann\\My exports\\contacts.csv'
    );
    expect(exportFromArgv([exe, '..\\exports\\list.XLS'], 'D:\\tools', on)).toBe(
      'D:\\exports\\list.XLS'
    );
    expect(exportFromArgv([exe, 'file:///C:/Users/Ann/Desktop/a.txt'], 'C:\\', on)).toBe(
      'C:\\Users\\Ann\\Desktop\\a.txt'
    );
  });

  it('takes the last export that exists; ignores other kinds of file and missing files', () => {
    const on = disk('linux', '/d/first.csv', '/d/second.xlsx', '/d/notes.pdf');
    expect(exportFromArgv(['c', '/d/first.csv', '/d/second.xlsx'], '/', on)).toBe('/d/second.xlsx');
    expect(exportFromArgv(['c', '/d/second.xlsx', '/d/gone.csv'], '/', on)).toBe('/d/second.xlsx');
    expect(exportFromArgv(['c', '/d/notes.pdf'], '/', on)).toBeNull();
    expect(exportFromArgv(['c', ''], '/', on)).toBeNull();
    expect(exportFromArgv(['c', '.'], '/d', on)).toBeNull();
  });
});

describe('isExportFileName', () => {
  it('knows the kinds Courier opens, in any case', () => {
    for (const name of ['a.csv', 'a.TSV', 'a.txt', 'a.xls', 'a.xlsx', 'a.xlsm', 'a.zip'])
      expect(isExportFileName(name), name).toBe(true);
    for (const name of ['a.pdf', 'csv', '.csv', 'a.csv.exe', 'a'])
      expect(isExportFileName(name), name).toBe(false);
  });
});
