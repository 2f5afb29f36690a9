import { NotBuiltYet } from '../NotBuiltYet';

/** 设置 settings (lazy route chunk). */
export default function SettingsPage() {
  return <NotBuiltYet area="settings" />;
}
