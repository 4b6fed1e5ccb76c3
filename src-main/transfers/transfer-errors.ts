import {
  CourierError,
  type ErrorCode,
  type ErrorParams,
  type PlainError,
} from '../../src-core/errors';

/**
 * A transfer failure: a stable code, a plain message, whether trying again may help, and for
 * trust failures the fingerprint the user is asked to confirm and pin.
 */
export class TransferError extends CourierError {
  readonly retryable: boolean;
  /** `SHA256:…` (SSH host key) or colon-separated hex (TLS certificate) for `trust.*` codes. */
  readonly fingerprint: string | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    options: {
      retryable?: boolean;
      fingerprint?: string;
      cause?: unknown;
      params?: ErrorParams;
    } = {}
  ) {
    super(code, message, { cause: options.cause, params: options.params });
    this.name = 'TransferError';
    this.retryable = options.retryable ?? false;
    this.fingerprint = options.fingerprint;
  }
}

/** A transfer failure as plain JSON (crosses IPC and worker boundaries with its fingerprint). */
export type TransferFailure = PlainError & Readonly<{ fingerprint?: string }>;

/** The plain form of any error thrown by the transfer code. */
export function toTransferFailure(error: unknown): TransferFailure {
  const plain = toTransferError(error);
  return {
    code: plain.code,
    message: plain.message,
    ...(plain.params ? { params: plain.params } : {}),
    ...(plain.fingerprint ? { fingerprint: plain.fingerprint } : {}),
  };
}

const networkMessages: Record<string, [code: ErrorCode, message: string]> = {
  ENOTFOUND: [
    'connection.name-not-found',
    'The server name could not be found. Check the host name, or your internet connection.',
  ],
  EAI_AGAIN: [
    'connection.name-not-found',
    'The server name could not be looked up right now. Check your internet connection.',
  ],
  ECONNREFUSED: [
    'connection.refused',
    'The server refused the connection: nothing answers on that port. Check the port number, or ask the provider whether the server is up.',
  ],
  ETIMEDOUT: [
    'connection.timeout',
    'The server did not answer in time. A firewall may be blocking the connection.',
  ],
  EHOSTUNREACH: ['connection.unreachable', 'The server cannot be reached from this network.'],
  ENETUNREACH: [
    'connection.unreachable',
    'The network is unreachable. Check your internet connection.',
  ],
  ECONNRESET: ['connection.lost', 'The connection was cut. Courier will try again.'],
  EPIPE: ['connection.lost', 'The connection was cut. Courier will try again.'],
  ECONNABORTED: ['connection.lost', 'The connection was cut. Courier will try again.'],
};

/**
 * Turns whatever a client library threw into a TransferError with a plain message.
 *
 * Library messages are not shown as they are: they can be cryptic, and some echo what was sent.
 */
export function toTransferError(error: unknown): TransferError {
  if (error instanceof TransferError) return error;
  if (error instanceof CourierError)
    return new TransferError(error.code, error.message, { cause: error, params: error.params });
  const e = error as { code?: unknown; message?: unknown; level?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const code =
    typeof e?.code === 'string' ? e.code : typeof e?.code === 'number' ? e.code : undefined;
  if (typeof code === 'string' && networkMessages[code]) {
    const [c, m] = networkMessages[code];
    // A refused connection is an answer (nothing listens on that port): trying again at once
    // changes nothing, so it is said at once, not retried (issue 15: 33 s of "trying again").
    const retryable =
      c === 'connection.name-not-found' ? code === 'EAI_AGAIN' : c !== 'connection.refused';
    return new TransferError(c, m, { retryable, cause: error });
  }
  if (
    e?.level === 'client-authentication' ||
    /All configured authentication methods failed/i.test(message)
  ) {
    return new TransferError(
      'auth.login-failed',
      'The server refused the login. Check the user name and password or key.',
      { cause: error }
    );
  }
  if (/Cannot parse privateKey|bad decrypt|passphrase/i.test(message)) {
    return new TransferError(
      'auth.key-unreadable',
      'The private key could not be read. Check the key file and its passphrase.',
      { cause: error }
    );
  }
  if (typeof code === 'number' && code === 530) {
    return new TransferError(
      'auth.login-failed',
      'The server refused the login. Check the user name and password.',
      { cause: error }
    );
  }
  if (/timeout|timed out/i.test(message)) {
    return new TransferError(
      'connection.timeout',
      'The server stopped answering. Courier will try again.',
      { retryable: true, cause: error }
    );
  }
  if (
    /closed|socket|disconnect|ECONNRESET|EPIPE|Not connected|No response|end of file|aborted/i.test(
      message
    )
  ) {
    return new TransferError('connection.lost', 'The connection was cut. Courier will try again.', {
      retryable: true,
      cause: error,
    });
  }
  return new TransferError('transfer.failed', `The transfer failed: ${message.slice(0, 200)}`, {
    retryable: true,
    cause: error,
  });
}

/** The steps of a connection and upload, each with its own time limit (`noAnswerError`). */
export type ConnectionStep = 'connect' | 'secure' | 'login' | 'data' | 'upload';

/** The server let a step's time limit pass without answering (retried, like a cut). */
export function noAnswerError(step: ConnectionStep, limitMs: number): TransferError {
  const seconds = Math.round(limitMs / 1000);
  const during: Record<ConnectionStep, string> = {
    connect: 'to the connection request',
    secure: 'while setting up the secure connection',
    login: 'to the login',
    data: 'when asked to open the connection for the file',
    upload: 'while the file was being uploaded',
  };
  return new TransferError(
    'connection.no-answer',
    `The server did not answer within ${seconds} seconds (${during[step]}).`,
    { retryable: true, params: { seconds, step } }
  );
}

/** The user cancelled: never retried. */
export function cancelledError(): TransferError {
  return new TransferError('cancelled', 'The upload was cancelled.');
}
