/**
 * The preload: the only bridge between the sandboxed renderer and the main process.
 * It exposes nothing but what the IPC contract defines (added with the desktop-app issue).
 */
import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('icpPrep', Object.freeze({ version: 1 }))
