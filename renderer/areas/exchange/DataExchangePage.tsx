import { NotBuiltYet } from '../NotBuiltYet';

/** 数据交换 data exchange (lazy route chunk). */
export default function DataExchangePage() {
  return <NotBuiltYet area="exchange" />;
}
