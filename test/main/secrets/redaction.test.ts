import { spawnSync } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger, logFilePath } from '../../../src-main/logging/logger';
import {
  clearRegisteredSecrets,
  redact,
  redactValue,
  registerSecret,
} from '../../../src-main/logging/redact';
import { findSecrets } from './find-secret';
import { tempHome } from '../../harness/temp-home';

const KEY = `-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACBOjCZiG3CI1wReH0pFn7lTfCs83Hxa9jBJRXl0sKNYWAAAAJgAAAAAAAAA
-----END OPENSSH PRIVATE KEY-----
`;

const home = tempHome('courier-redact-');
beforeEach(async () => {
  clearRegisteredSecrets();
});

describe('redact', () => {
  it('hides registered secrets, also inside JSON and longer words', () => {
    registerSecret('pa"ss\\word-77');
    expect(redact('login failed for pa"ss\\word-77 at host')).toBe(
      'login failed for [redacted] at host'
    );
    expect(redact(JSON.stringify({ note: 'x pa"ss\\word-77 y' }))).not.toContain('word-77');
  });

  it('hides secret-looking patterns it was never told about', () => {
    expect(redact('connect password=hunter2&user=ann')).toBe(
      'connect password=[redacted]&user=ann'
    );
    expect(redact('{"user":"ann","password":"s3cr\\"et"}')).toBe(
      '{"user":"ann","password":"[redacted]"}'
    );
    expect(redact('sftp://ann:s3cret@drop.example.com/in')).toBe(
      'sftp://ann:[redacted]@drop.example.com/in'
    );
    expect(redact(`key follows\n${KEY}done`)).toBe('key follows\n[redacted private key]\ndone');
    expect(redact('> PASS hunter2\r\n< 230 ok')).toBe('> PASS [redacted]\r\n< 230 ok');
    // Prose is left alone.
    expect(redact('Check the password: the server refused it.')).toBe(
      'Check the password: the server refused it.'
    );
  });

  it('catches part of a registered private key', () => {
    registerSecret(KEY);
    expect(
      redact('stray line QyNTUxOQAAACBOjCZiG3CI1wReH0pFn7lTfCs83Hxa9jBJRXl0sKNYWAAAAJgAAAAAAAAA')
    ).toBe('stray line [redacted]');
  });

  it('redacts values of secret-named fields and errors in structured data', () => {
    registerSecret('topsecret-9');
    const value = redactValue({
      password: 'anything',
      nested: [new Error('bad topsecret-9')],
      user: 'ann',
    }) as Record<string, unknown>;
    expect(value.password).toBe('[redacted]');
    expect(value.user).toBe('ann');
    expect(JSON.stringify(value)).not.toContain('topsecret-9');
  });
});

describe('logger', () => {
  it('writes JSON lines to <home>/logs/courier.log without any secret', async () => {
    registerSecret('Sup3r-Secret!');
    const logger = createLogger({
      home: home.path,
      now: () => new Date('2026-01-02T03:04:05Z'),
    }).child({
      scope: 'test',
    });
    logger.info('connecting with Sup3r-Secret!', {
      host: 'drop.example.com',
      password: 'Sup3r-Secret!',
    });
    logger.error('failed', { error: new Error('auth failed for "Sup3r-Secret!"'), key: KEY });
    logger.debug('not written at the default level');
    await logger.flush();
    const lines = (await readFile(logFilePath(home.path), 'utf8'))
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      time: '2026-01-02T03:04:05.000Z',
      level: 'info',
      message: 'connecting with [redacted]',
      scope: 'test',
      host: 'drop.example.com',
    });
    expect(
      await findSecrets({ folders: [home.path], secrets: { password: 'Sup3r-Secret!', key: KEY } })
    ).toEqual([]);
  });
});

describe('crash output', () => {
  it('prints and logs a crash without the secret it carried', async () => {
    const secret = 'crash-Secret-4711';
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'crash-child.ts'), home.path, secret],
      { encoding: 'utf8', timeout: 30_000 }
    );
    expect(child.status).toBe(70);
    expect(child.stderr).toMatch(
      /Courier stopped because of an unexpected error \(uncaught exception\)/
    );
    expect(child.stderr).toMatch(/could not log in as ann with \[redacted\]/);
    expect(await readFile(logFilePath(home.path), 'utf8')).toMatch(
      /Courier stopped: uncaught exception/
    );
    expect(
      await findSecrets({
        folders: [home.path],
        texts: { stdout: child.stdout, stderr: child.stderr },
        secrets: { secret },
      })
    ).toEqual([]);
  });
});

describe('findSecrets', () => {
  it('finds a secret in a nested file, in UTF-16, JSON-escaped, and in captured output', async () => {
    await mkdir(join(home.path, 'a', 'b'), { recursive: true });
    await writeFile(join(home.path, 'a', 'b', 'plain.txt'), 'x hunter-22 y');
    await writeFile(join(home.path, 'wide.txt'), Buffer.from('x hunter-22 y', 'utf16le'));
    await writeFile(join(home.path, 'json.json'), JSON.stringify({ v: 'q"uote' }));
    await writeFile(join(home.path, 'key-part.log'), KEY.split('\n')[2]!);
    await writeFile(join(home.path, 'clean.txt'), 'nothing here');
    const hits = await findSecrets({
      folders: [home.path],
      texts: { stdout: 'printed hunter-22', stderr: 'fine' },
      secrets: { password: 'hunter-22', quoted: 'q"uote', key: KEY },
    });
    expect(hits.map(h => `${h.secret}@${h.where.replace(home.path, '~')}`).sort()).toEqual([
      'key@~/key-part.log',
      'password@stdout',
      'password@~/a/b/plain.txt',
      'password@~/wide.txt',
      'quoted@~/json.json',
    ]);
  });
});
