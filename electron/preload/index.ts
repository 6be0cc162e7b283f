/**
 * The preload: the only bridge between the sandboxed window and the main process. It exposes
 * window.icpPrep = { invoke, invokeWithFiles, on }, built from the contract's channel names, and
 * nothing else — never ipcRenderer itself, never Node, never a path (dropped files become paths
 * here and go straight to the main process).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { BRIDGE_GLOBAL } from '../../shared/ipc/channels'
import { buildApi } from './build-api'

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  buildApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (event, listener) => {
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipcRenderer.on(event, wrapped)
      return () => {
        ipcRenderer.removeListener(event, wrapped)
      }
    },
    pathForFile: (file) => webUtils.getPathForFile(file as File),
  }),
)
