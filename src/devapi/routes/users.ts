// GET /v0/users/:name (spec §7.1): user documents put into the store (e.g. by the fixture world).
import { json, type Reply, replies } from '../http.js';
import type { DevApiStore } from '../store.js';

/** Answer a user GET by username or numeric id. */
export function getUser(store: DevApiStore, name: string): Reply {
  const user = store.user(name);
  return user === undefined ? replies.userNotFound() : json(200, user);
}
