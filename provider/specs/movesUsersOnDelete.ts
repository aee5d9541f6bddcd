import type { Collection } from '../client/endpoints';
import { unlessNotFound } from '../client/errors';
import { UNKNOWN } from '../engine/compare';
import type { ObjectStore, Props } from '../engine/spec';

/**
 * Kinds whose users must go somewhere when the object is deleted (a role: `transfer_role_id`, a region:
 * `move_to_region_id`). The destination is an input with no default, named by the spec's `deleteNeedsOneOf`; here
 * are the delete that sends it and the `onDelete` text that says, in the preview, where the users go.
 */
export function movesUsersOnDelete(options: { collection: Collection; input: string; queryField: string; noun: string }) {
  const { collection, input, queryField, noun } = options;
  const onDelete = (inputs: Props): string =>
    typeof inputs[input] === 'string' && inputs[input] !== UNKNOWN
      ? `moves its users to ${noun} ${String(inputs[input])}, then deletes the ${noun}`
      : inputs[input] !== undefined
        ? `moves its users to another ${noun} (known after up), then deletes the ${noun}`
        : `refused: deleting the ${noun} needs ${input}`;
  const remove: ObjectStore['remove'] = async (client, id, previous) => {
    const target = previous[input];
    if (typeof target !== 'string')
      throw new Error(
        `${noun[0].toUpperCase()}${noun.slice(1)} ${id} was not deleted: deleting a ${noun} needs ${input}, the ${noun} its users move to. Set it, run up, then remove the ${noun}.`,
      );
    await unlessNotFound(() => client.deleteOne(collection, [id], { [queryField]: target }));
  };
  return { onDelete, remove };
}
