import { z } from 'zod';

/**
 * The one typed contract between the renderer and the main process.
 *
 * Every renderer→main call is listed in `calls` with a zod schema for its request and its
 * response; every main→renderer event is listed in `events` with the schema of its payload.
 * Channel names are `domain:verb`. Main validates every request against these schemas before a
 * handler sees it (see `src-main/ipc/ipc-router.ts`); the preload builds the renderer's API from
 * this object, so no channel string ever reaches React.
 *
 * To add a channel: add it here, add its handler to `src-main/services/main-handlers.ts`. The
 * renderer method `api.<domain>.<verb>()` then exists with the right types.
 */

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  locale: z.string(),
  home: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const calls = {
  'app:info': { request: z.undefined(), response: AppInfo },
  /** Asks the user for a file to open (the system file chooser); null when they cancel. */
  'files:pick': { request: z.undefined(), response: z.object({ path: z.string().nullable() }) },
} as const;

export const events = {
  'app:notice': z.object({ message: z.string() }),
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallChannel = keyof Calls;
export type EventChannel = keyof Events;
export type CallRequest<C extends CallChannel> = z.input<Calls[C]['request']>;
export type CallResponse<C extends CallChannel> = z.output<Calls[C]['response']>;
export type EventPayload<E extends EventChannel> = z.output<Events[E]>;
