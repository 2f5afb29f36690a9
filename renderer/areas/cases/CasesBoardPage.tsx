import { NotBuiltYet } from '../NotBuiltYet';

/** 案件 case board (lazy route chunk). */
export default function CasesBoardPage() {
  return <NotBuiltYet area="cases" />;
}
