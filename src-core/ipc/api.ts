import {
  calls,
  events,
  type CallChannel,
  type CallRequest,
  type CallResponse,
  type EventChannel,
  type EventPayload,
} from './contract';

type Domain<K extends string> = K extends `${infer D}:${string}` ? D : never;
type Verb<K extends string, D extends string> = K extends `${D}:${infer V}` ? V : never;
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

type CallMethod<C extends CallChannel> =
  CallRequest<C> extends undefined
    ? () => Promise<CallResponse<C>>
    : (request: CallRequest<C>) => Promise<CallResponse<C>>;

type Unsubscribe = () => void;

/** The object the renderer sees as `window.courier`: `api.<domain>.<verb>(request)`. */
export type CourierApi = {
  [D in Domain<CallChannel>]: {
    [V in Verb<CallChannel, D> as Camel<V>]: CallMethod<Extract<`${D}:${V}`, CallChannel>>;
  };
} & {
  on: {
    [E in EventChannel as Camel<`${Domain<E>}-${Verb<E, Domain<E>>}`>]: (
      listener: (payload: EventPayload<E>) => void
    ) => Unsubscribe;
  };
};

/** How a transport delivers calls and events; the preload and the test bridge each give one. */
export type ApiTransport = Readonly<{
  invoke: (channel: string, request: unknown) => Promise<unknown>;
  subscribe: (channel: string, listener: (payload: unknown) => void) => Unsubscribe;
}>;

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Builds the renderer API from the contract.
 *
 * Used by the preload (over ipcRenderer) and by the browser tests (over a Playwright binding), so
 * both expose exactly the same methods.
 */
export function buildApi(transport: ApiTransport): CourierApi {
  const api: Record<string, Record<string, unknown>> = { on: {} };
  for (const channel of Object.keys(calls)) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][camel(verb)] = (request?: unknown) => transport.invoke(channel, request);
  }
  for (const channel of Object.keys(events)) {
    const [domain, verb] = channel.split(':') as [string, string];
    api.on![camel(`${domain}-${verb}`)] = (listener: (payload: unknown) => void) =>
      transport.subscribe(channel, listener);
  }
  return api as unknown as CourierApi;
}

/** Whether a channel name is one of the contract's calls. */
export const isCallChannel = (channel: string): channel is CallChannel =>
  Object.prototype.hasOwnProperty.call(calls, channel);

/** Whether a channel name is one of the contract's events. */
export const isEventChannel = (channel: string): channel is EventChannel =>
  Object.prototype.hasOwnProperty.call(events, channel);
