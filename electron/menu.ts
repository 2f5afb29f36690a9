/**
 * The application menu: 文件 / 编辑 / 视图 / 窗口 / 帮助, built from Electron's roles so the
 * shortcuts are the platform's own. Chinese when the system locale is Chinese, else English.
 */
import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { APP_VERSION } from '../api/version';
import { logLine } from './log';
import { focusedOrFirstWindow } from './window';

type Labels = typeof ZH;

const ZH = {
  file: '文件',
  openDataFolder: '打开数据文件夹',
  quit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图',
  reload: '重新加载',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullScreen: '全屏',
  devTools: '开发者工具',
  window: '窗口',
  minimize: '最小化',
  zoom: '缩放',
  close: '关闭',
  help: '帮助',
  about: '关于 GridDesk',
  aboutTitle: '关于 GridDesk',
  aboutProduct: 'GridDesk 街道综合指挥工作台',
  version: '版本',
  dataFolder: '数据文件夹：',
  ok: '确定',
};

const EN: Labels = {
  file: 'File',
  openDataFolder: 'Open Data Folder',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Full Screen',
  devTools: 'Developer Tools',
  window: 'Window',
  minimize: 'Minimize',
  zoom: 'Zoom',
  close: 'Close',
  help: 'Help',
  about: 'About GridDesk',
  aboutTitle: 'About GridDesk',
  aboutProduct: 'GridDesk — street comprehensive command workstation',
  version: 'Version',
  dataFolder: 'Data folder: ',
  ok: 'OK',
};

/** Call after `ready`: the locale is only known then. */
function menuLabels(): Labels {
  return app.getLocale().toLowerCase().startsWith('zh') ? ZH : EN;
}

function showAbout(labels: Labels): void {
  const detail = [
    `${labels.version} ${APP_VERSION}`,
    `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    `${labels.dataFolder}${app.getPath('userData')}`,
  ].join('\n');
  const options = {
    type: 'info' as const,
    title: labels.aboutTitle,
    message: labels.aboutProduct,
    detail,
    buttons: [labels.ok],
  };
  const parent = focusedOrFirstWindow();
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

function openDataFolder(): void {
  void shell.openPath(app.getPath('userData')).then((problem) => {
    if (problem) logLine('warn', `could not open the data folder: ${problem}`);
  });
}

export function installApplicationMenu(options: { devTools: boolean }): void {
  const labels = menuLabels();
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: labels.file,
      submenu: [
        { label: labels.openDataFolder, click: openDataFolder },
        { type: 'separator' },
        { role: 'quit', label: labels.quit },
      ],
    },
    {
      label: labels.edit,
      submenu: [
        { role: 'undo', label: labels.undo },
        { role: 'redo', label: labels.redo },
        { type: 'separator' },
        { role: 'cut', label: labels.cut },
        { role: 'copy', label: labels.copy },
        { role: 'paste', label: labels.paste },
        { role: 'selectAll', label: labels.selectAll },
      ],
    },
    {
      label: labels.view,
      submenu: [
        { role: 'reload', label: labels.reload },
        { type: 'separator' },
        { role: 'resetZoom', label: labels.resetZoom },
        { role: 'zoomIn', label: labels.zoomIn },
        { role: 'zoomOut', label: labels.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: labels.fullScreen },
        ...(options.devTools
          ? [
              { type: 'separator' as const },
              { role: 'toggleDevTools' as const, label: labels.devTools },
            ]
          : []),
      ],
    },
    {
      label: labels.window,
      submenu: [
        { role: 'minimize', label: labels.minimize },
        ...(isMac ? [{ role: 'zoom' as const, label: labels.zoom }] : []),
        { role: 'close', label: labels.close },
      ],
    },
    {
      label: labels.help,
      submenu: [{ label: labels.about, click: () => showAbout(labels) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
