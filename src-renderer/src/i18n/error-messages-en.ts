import type { Message } from './en';

/**
 * English error messages, one per error code that can reach the user (part of the English
 * catalogue, see en.ts). Keys are `error.<code>`; a `{param}` names the file, server, folder…
 * the error is about (see `params` on CourierError).
 */
export const enErrorMessages = {
  'error.read.not-found': 'Courier cannot find “{file}”. It may have been moved or deleted.',
  'error.read.permission-denied':
    'Courier is not allowed to read “{file}”. Ask your IT colleague for access, or copy the file somewhere else first.',
  'error.read.empty-file': '“{file}” is empty.',
  'error.read.not-text':
    '“{file}” is not a table Courier can read. Export it again as CSV or Excel.',
  'error.read.no-data': '“{file}” has a header but no rows.',
  'error.read.too-large': '“{file}” is too large for Courier to read.',
  'error.read.workbook-encrypted':
    '“{file}” is protected with a password. Save a copy without the password and try again.',
  'error.read.zip-several-files':
    'The zip “{file}” holds several files. Put only one export in it.',
  'error.connection.refused':
    'The server refused the connection. Check the port number, or ask the provider whether the server is up.',
  'error.connection.timeout':
    'The server did not answer in time. A firewall may be blocking the connection.',
  'error.connection.name-not-found':
    'The server name could not be found. Check the host name, or your internet connection.',
  'error.connection.lost': 'The connection was cut. Try again.',
  'error.auth.login-failed':
    'The server refused the login. Check the user name and the password or key.',
  'error.send.busy': 'A file is being sent already. Wait for it to finish, or cancel it.',
} satisfies Record<string, Message>;
