import { describe, expect, it } from 'vitest';
import { chooseSshAgent, windowsOpenSshPipe } from '../../../src-main/secrets/ssh-agent-choice';

// Which SSH agent a key login asks (Windows is not on this machine: the choice is a pure function).
describe('chooseSshAgent', () => {
  const never = () => false;
  const always = () => true;
  it('uses SSH_AUTH_SOCK whenever it is set, on every system', () => {
    expect(chooseSshAgent('linux', { SSH_AUTH_SOCK: '/tmp/agent.1' }, never)).toBe('/tmp/agent.1');
    expect(chooseSshAgent('win32', { SSH_AUTH_SOCK: '\\\\.\\pipe\\my-agent' }, always)).toBe(
      '\\\\.\\pipe\\my-agent'
    );
  });
  it('on Windows without SSH_AUTH_SOCK: Pageant, unless the OpenSSH agent service runs', () => {
    expect(chooseSshAgent('win32', {}, never)).toBe('pageant');
    expect(chooseSshAgent('win32', { SSH_AUTH_SOCK: '' }, never)).toBe('pageant');
    expect(chooseSshAgent('win32', {}, always)).toBe(windowsOpenSshPipe);
  });
  it('elsewhere without SSH_AUTH_SOCK: no agent (Pageant is a Windows program)', () => {
    expect(chooseSshAgent('linux', {}, always)).toBeNull();
    expect(chooseSshAgent('darwin', {}, always)).toBeNull();
  });
});
