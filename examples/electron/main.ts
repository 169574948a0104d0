// Incident: the main window is created while the module loads, before Electron
// has finished starting. Electron throws "Cannot create BrowserWindow before app
// is ready" and the app quits before showing anything. The window belongs in
// `app.whenReady().then(...)`.
import { app, BrowserWindow } from 'electron';

const mainWindow = new BrowserWindow({ width: 1200, height: 800, show: false });

app.whenReady().then(async () => {
  await mainWindow.loadURL('https://example.com');
  mainWindow.show();
});

app.on('window-all-closed', () => app.quit());
