import type { CallResponse } from '../../../src-core/ipc/contract';

type Destination = CallResponse<'destinations:list'>['destinations'][number];

/** Testing a destination's connection step by step (needs the `destinations:test` channel). */
export function ConnectionTest(_props: {
  name: string;
  onPinned: (destination: Destination) => void;
}) {
  return null;
}
