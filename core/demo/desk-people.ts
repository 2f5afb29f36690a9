/**
 * Who acts in the demo street's case histories: the desk's users (an administrator, the
 * operators on shift, a leader) and the handling units' people.
 */
import type { UserRole } from '../glossary';
import { DAY_MS, HOUR_MS, SHANGHAI_OFFSET_MS } from '../time';
import { personName } from './people';
import type { SeededRandom } from './random';

export interface DemoUser {
  username: string;
  displayName: string;
  role: UserRole;
  unitCode: string;
}

/**
 * Who did something in a case's history; `username` when it was a desk user. `role` and
 * `unitCode` are what the workflow checks the actor's moves against (MOVE_ROLES, a handler's
 * own unit); a reporter makes no move and has no role.
 */
export interface DemoActor {
  name: string;
  username: string | null;
  role: UserRole | null;
  unitCode: string | null;
}

export interface DemoDeskUsers {
  admin: DemoUser;
  operators: readonly DemoUser[];
  leader: DemoUser;
  all: readonly DemoUser[];
}

/** The desk's demo accounts; no passwords: first-run setup sets them. */
export function buildDeskUsers(streetUnitCode: string): DemoDeskUsers {
  const user = (username: string, displayName: string, role: UserRole): DemoUser => ({
    username,
    displayName,
    role,
    unitCode: streetUnitCode,
  });
  const admin = user('admin', '系统管理员', 'admin');
  const operators = [
    user('zhangmin', '张敏', 'operator'),
    user('liuyang', '刘洋', 'operator'),
    user('chenjing', '陈静', 'operator'),
  ];
  const leader = user('wangjianguo', '王建国', 'leader');
  return { admin, operators, leader, all: [admin, ...operators, leader] };
}

export function actorOf(user: DemoUser): DemoActor {
  return {
    name: user.displayName,
    username: user.username,
    role: user.role,
    unitCode: user.unitCode,
  };
}

/** A handling unit's person: signs, reports and returns the cases their unit leads. */
export function unitPerson(name: string, unitCode: string): DemoActor {
  return { name, username: null, role: 'handler', unitCode };
}

/** Someone outside the desk: a reporter, a platform, a patrol. */
export function outsider(name: string): DemoActor {
  return { name, username: null, role: null, unitCode: null };
}

/** The operator on duty at `at`: three eight-hour shifts (00–08, 08–16, 16–24) rotating daily. */
export function operatorOnDuty(users: DemoDeskUsers, at: number): DemoActor {
  const local = at + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const shift = Math.floor((local - day * DAY_MS) / (8 * HOUR_MS));
  const operator = users.operators[(day + shift) % users.operators.length]!;
  return actorOf(operator);
}

/** A few named handlers per department, shown as 「城管执法中队 李强」 in histories. */
export function buildDepartmentHandlers(
  random: SeededRandom,
  departments: ReadonlyArray<{ code: string; name: string }>,
): Map<string, DemoActor[]> {
  const handlers = new Map<string, DemoActor[]>();
  for (const unit of departments) {
    const people: DemoActor[] = [];
    for (let i = 0; i < 3; i++) {
      people.push(unitPerson(`${unit.name} ${personName(random).name}`, unit.code));
    }
    handlers.set(unit.code, people);
  }
  return handlers;
}
