/**
 * Who may write the party-building registers (issue 14): operators and administrators for the
 * whole street; a community's own users (a handler of a community unit) for their community;
 * leaders approve projects (api/party/project-desk.ts) and enter nothing else.
 */
import type { ApiContext } from '../context';
import { UserError } from '../errors';

/** The community a handler's unit stands for, or null for a department's handler. */
export function handlerCommunity(context: ApiContext): string | null {
  if (context.actor.role !== 'handler' || !context.actor.unitCode) return null;
  return (
    (context.db
      .prepare("SELECT place_code FROM units WHERE code = ? AND kind = 'community'")
      .pluck()
      .get(context.actor.unitCode) as string | null | undefined) ?? null
  );
}

/** Whether this viewer may enter rows for `communityCode` (null: a row not tied to one). */
export function mayEnter(context: ApiContext, communityCode: string | null): boolean {
  const role = context.actor.role;
  if (role === 'operator' || role === 'admin' || role === 'system') return true;
  const own = handlerCommunity(context);
  return own !== null && communityCode !== null && communityCode.startsWith(own);
}

export function assertMayEnter(context: ApiContext, communityCode: string | null): void {
  if (mayEnter(context, communityCode)) return;
  throw new UserError('role_not_allowed', {
    zh: '党建台账由值班员、管理员或本社区的用户录入：这条记录不属于你的社区。',
    en: "The party registers are entered by operators, administrators or the community's own users: this row is not your community's.",
  });
}

export function mayApprove(context: ApiContext): boolean {
  const role = context.actor.role;
  return role === 'leader' || role === 'admin' || role === 'system';
}
