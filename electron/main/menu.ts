/**
 * The Chinese application menu. Electron's default menu is English and
 * offers developer tools to everyone; this one keeps only what a front-desk
 * user needs and shows developer tools in unpackaged (development) runs only.
 */
import { app, dialog, Menu, type BaseWindow, type MenuItemConstructorOptions } from 'electron'

function showAbout(window: BaseWindow | undefined): void {
  const options = {
    type: 'info' as const,
    title: '关于社区服务台',
    message: '社区服务台',
    detail: `版本 ${app.getVersion()}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome}`,
    buttons: ['确定'],
  }
  const shown = window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)
  shown.catch((err: unknown) => console.error('About dialog failed', err))
}

export function buildAppMenu(): Menu {
  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ]
  if (!app.isPackaged) viewItems.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' })

  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: viewItems },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于社区服务台', click: (_item, window) => showAbout(window) }] },
  ]
  return Menu.buildFromTemplate(template)
}
