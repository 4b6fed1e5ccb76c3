import { calls, events, type CallChannel, type CallParsedRequest, type CallResponse, type EventChannel, type EventPayload } from '../../src-core/ipc/contract';
import { isCallChannel } from '../../src-core/ipc/api';
import { toPlainError, type PlainError } from '../../src-core/errors';
import { codedIssue } from '../../src-core/error-schema';
import { redact, redactParams } from '../logging/redact';

/** A handler for one call channel; it receives a request already validated by the contract. */
export type Handler<C extends CallChannel> = (
  request: CallParsedRequest<C>
) => Promise<CallResponse<C>> | CallResponse<C>;

/** Every call channel's handler. The compiler insists that none is missing. */
export type Handlers = { [C in CallChannel]: Handler<C> };

/** Sends an event to the renderer(s); validated against the contract before it leaves. */
export type Emit = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void;

/** What the renderer gets back from a call: a result, or an error in plain words. */
export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: PlainError };

/**
 * Routes one renderer call to its handler, after validating channel, sender and payload.
 *
 * Electron's `ipcMain.handle` and the browser test bridge both call this, so the renderer is
 * exercised against exactly the checks it meets in the app. An untrusted sender, an unknown
 * channel or an invalid payload never reaches a handler.
 */
export async function routeCall(
  handlers: Handlers,
  channel: string,
  request: unknown,
  senderIsTrusted: boolean
): Promise<CallOutcome> {
  if (!senderIsTrusted) {
    return { ok: false, error: { code: 'ipc.untrusted-sender', message: 'This request did not come from a Courier window and was refused.' } };
  }
  if (!isCallChannel(channel)) {
    return { ok: false, error: { code: 'ipc.unknown-channel', message: `Courier does not know the request “${channel}”.`, params: { channel } } };
  }
  const parsed = calls[channel].request.safeParse(request);
  if (!parsed.success) {
    // A field with its own error (a control character in a destination's host…) says so plainly.
    const coded = codedIssue(parsed.error.issues);
    if (coded) return { ok: false, error: coded };
    return {
      ok: false,
      error: {
        code: 'ipc.invalid-request',
        message: `The request “${channel}” was not valid: ${parsed.error.issues.map(i => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`,
        params: { channel },
      },
    };
  }
  try {
    const handler = handlers[channel] as (r: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    const plain = toPlainError(error);
    // Whatever a library put in its message or params, no secret the keychain handled crosses to the renderer.
    const params = redactParams(plain.params);
    return { ok: false, error: { code: plain.code, message: redact(plain.message), ...(params ? { params } : {}) } };
  }
}


/** Validates an outgoing event; throws on a payload that does not match the contract (a bug). */
export function checkEvent<E extends EventChannel>(channel: E, payload: EventPayload<E>): EventPayload<E> {
  return events[channel].parse(payload) as EventPayload<E>;
}
