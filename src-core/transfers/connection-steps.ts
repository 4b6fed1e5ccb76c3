/**
 * The English sentences of a destination's connection test, by stable key.
 *
 * Main builds each step's English message from here (the CLI prints it as it is) and sends the key
 * and its params along, so the app can say the same thing in the user's language: the renderer's
 * English catalogue is this table, and French and Dutch translate the same keys.
 */
export const connectionStepTexts = {
  'connection.protocol.sftp': 'SFTP, port {port}.',
  'connection.protocol.ftps': 'Explicit FTPS, port {port}.',
  'connection.protocol.ftps-implicit': 'Implicit FTPS, port {port}.',
  'connection.protocol.ftp': 'Plain FTP: the password and the file travel unencrypted.',
  'connection.proxy.ok': 'Proxy {proxy} reached; it connects to {server}.',
  'connection.lookup.ok': '{host} is {address}.',
  'connection.tcp.ok': 'The server answers on port {port}.',
  'connection.handshake.ok': 'The connection is encrypted (the {handshake} handshake worked).',
  'connection.handshake.ok-version':
    'The connection is encrypted (the {handshake} handshake worked, {version}).',
  'connection.trust.host-key-pinned': 'The host key is the pinned one ({fingerprint}).',
  'connection.trust.certificate-trusted': 'The certificate is trusted.',
  'connection.trust.certificate-pinned': 'The certificate is the pinned one.',
  'connection.trust.plain-ftp': 'Plain FTP: nothing to verify.',
  'connection.trust.certificate-authority':
    'The certificate is signed by an authority this computer trusts.',
  'connection.login.ok': 'Logged in as {user}.',
  'connection.folder.ok': 'The folder {folder} exists.',
  'connection.data-connection.ok':
    'Files can travel to the server (the passive data connection works).',
  'connection.data-connection.tls12':
    'The server asks for session reuse on data connections; Courier retried with TLS 1.2 and it worked. This destination will use TLS 1.2.',
  'connection.write.ok': 'A test file could be written to the folder and deleted.',
  'connection.write.ok-no-dot-names':
    'A test file could be written to the folder and deleted. The server refuses names starting with a dot, so Courier uploads under temporary names without one.',
  'connection.skipped.earlier-failed': 'Not tested (an earlier step failed).',
  'connection.skipped.data-connection-failed': 'Not tested (the data connection failed).',
} as const;

/** The key of one connection-test sentence. */
export type ConnectionStepKey = keyof typeof connectionStepTexts;

/** What to check or ask the provider when a step fails, by error code (English). */
export const connectionAdvice = {
  'connection.name-not-found':
    'Check the spelling of the server name, or ask the provider for the exact host name.',
  'connection.refused':
    'Check the port, and whether this is explicit FTPS (usually 21), implicit FTPS (990) or SFTP (22). Ask the provider whether the server is up.',
  'connection.timeout':
    "A firewall (yours or the provider's) may block the port. Ask your IT team, or ask the provider to allow your IP address.",
  'connection.unreachable': 'Check your network connection.',
  'connection.tls-failed':
    'Check whether the server uses explicit FTPS (AUTH TLS, usually port 21) or implicit FTPS (usually port 990).',
  'trust.unknown-certificate':
    'Ask the provider to confirm the certificate fingerprint shown, then pin it.',
  'trust.certificate-changed':
    'Ask the provider whether they replaced their certificate, and get the new fingerprint from them directly.',
  'trust.unknown-host-key':
    'Ask the provider to confirm the host key fingerprint shown, then pin it.',
  'trust.host-key-changed':
    "Ask the provider whether they changed the server's host key, and get the new fingerprint from them directly.",
  'auth.login-failed':
    'Check the user name and password (or key). Ask the provider to confirm the account is active.',
  'auth.key-unreadable': 'Check the key file and its passphrase.',
  'auth.key-missing': 'Import or choose the private key for this destination.',
  'auth.password-missing': 'Enter the password for this destination.',
  'transfer.not-found':
    'Check the folder in the destination, or ask the provider for the exact folder.',
  'transfer.folder-missing':
    'Check the folder in the destination, or ask the provider for the exact folder.',
  'transfer.folder-not-writable':
    'Ask the provider to give this account write access to the folder.',
  'connection.lost':
    'The server closed the data connection: ask the provider whether passive mode ports are open on their firewall.',
  'proxy.unreachable':
    "Check the proxy's address and port, or ask your IT team which proxy to use.",
  'proxy.auth-failed':
    'Check the proxy user and password (often your network account). Ask your IT team if you do not know them.',
  'proxy.refused':
    'Ask your IT team to let the proxy connect to this server and port (SFTP 22, FTPS 21 or 990, and the passive ports).',
  'proxy.password-missing': 'Enter the proxy password for this destination.',
  'proxy.timeout': 'The proxy did not answer. Ask your IT team whether it is up.',
  'transfer.plain-ftp-refused':
    'Ask the provider for FTPS or SFTP access, or allow plain FTP for this destination if you accept the risk.',
} as const;

/** The catalogue keys of the advice: `connection.advice.<code>`. */
export const connectionAdviceTexts = Object.fromEntries(
  Object.entries(connectionAdvice).map(([code, text]) => [`connection.advice.${code}`, text])
) as {
  readonly [
    C in keyof typeof connectionAdvice as `connection.advice.${C}`
  ]: (typeof connectionAdvice)[C];
};

/** Fills `{name}` placeholders of an English template (numbers as they are, for the CLI). */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>> = {}
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
