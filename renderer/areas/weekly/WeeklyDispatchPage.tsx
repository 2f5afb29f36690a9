import { NotBuiltYet } from '../NotBuiltYet';

/** 周调度 weekly dispatch (lazy route chunk). */
export default function WeeklyDispatchPage() {
  return <NotBuiltYet area="weekly" />;
}
