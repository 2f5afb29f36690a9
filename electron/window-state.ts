/**
 * The main window's size, place and maximized state, remembered in
 * `<userData>/window-state.json` so the operator's screen looks the same tomorrow. A saved
 * place that no longer lies on any display (a projector unplugged) is dropped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';
import { logLine } from './log';

interface WindowState {
  bounds: Rectangle | null;
  maximized: boolean;
}

const MIN_VISIBLE = 80;

function stateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every(
    (k) => typeof r[k] === 'number' && Number.isFinite(r[k]),
  );
}

/** True when enough of `bounds` lies on some display's work area to grab it. */
function isVisible(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => {
    const overlapX = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x);
    const overlapY = Math.min(bounds.y + bounds.height, a.y + a.height) - Math.max(bounds.y, a.y);
    return overlapX >= MIN_VISIBLE && overlapY >= MIN_VISIBLE;
  });
}

/** The size a first start opens at: 1440×900, or the work area when the screen is smaller. */
export function defaultBounds(): { width: number; height: number } {
  const { workAreaSize } = screen.getPrimaryDisplay();
  return { width: Math.min(1440, workAreaSize.width), height: Math.min(900, workAreaSize.height) };
}

/** Call after `ready` (it asks the screen module). */
export function loadWindowState(): WindowState {
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(stateFile(), 'utf8'));
    const saved = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const bounds = isRectangle(saved.bounds) && isVisible(saved.bounds) ? saved.bounds : null;
    return { bounds, maximized: saved.maximized === true };
  } catch {
    return { bounds: null, maximized: false };
  }
}

function saveWindowState(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  const file = stateFile();
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
    fs.renameSync(`${file}.tmp`, file);
  } catch (error) {
    logLine('warn', `could not save the window state: ${(error as Error).message}`);
  }
}

/** Saves shortly after the window moves or resizes, and once more as it closes. */
export function rememberWindowState(window: BrowserWindow): void {
  let timer: NodeJS.Timeout | null = null;
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => saveWindowState(window), 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    if (timer) clearTimeout(timer);
    saveWindowState(window);
  });
}
