import { NotBuiltYet } from '../NotBuiltYet';

/** 网格地图 grid map (lazy route chunk). */
export default function GridMapPage() {
  return <NotBuiltYet area="map" />;
}
