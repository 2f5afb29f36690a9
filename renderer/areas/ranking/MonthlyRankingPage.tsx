import { NotBuiltYet } from '../NotBuiltYet';

/** 月度排名 monthly ranking (lazy route chunk). */
export default function MonthlyRankingPage() {
  return <NotBuiltYet area="ranking" />;
}
