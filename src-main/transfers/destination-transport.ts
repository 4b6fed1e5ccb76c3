import { uploadFolder, type Destination } from '../../src-core/destinations/destination';
import { CourierError } from '../../src-core/errors';
import { Transport } from '../../src-core/destinations/transport';

/** A destination's complete connection settings, with the folder files go to. */
export function destinationTransport(destination: Destination): Transport {
  const parsed = Transport.safeParse({ ...destination.transport, folder: uploadFolder(destination) });
  if (!parsed.success) {
    throw new CourierError(
      'destination.not-configured',
      `The destination “${destination.name}” has no complete connection settings yet (${parsed.error.issues.map(i => i.message).join(' ')}). Set its server, user and password or key first.`,
      { params: { name: destination.name } }
    );
  }
  return parsed.data;
}
