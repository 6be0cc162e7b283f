// Preloaded with NODE_OPTIONS=--require to prove a run never touches the network: every way Node
// opens a connection or resolves a name is replaced by one that records the attempt (to the file in
// NO_NETWORK_LOG) and fails. Node loads --require modules in worker threads too, where tesseract.js runs.
'use strict'
const fs = require('node:fs')
const net = require('node:net')
const dns = require('node:dns')
const http = require('node:http')
const https = require('node:https')
const { isMainThread } = require('node:worker_threads')

function record(what) {
  const log = process.env.NO_NETWORK_LOG
  if (log) fs.appendFileSync(log, `${isMainThread ? 'main' : 'worker'}: ${what}\n`)
  return new Error(`network access attempted (${what})`)
}

const originalConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function connect(...args) {
  // net.connect() passes its arguments already normalised as [[options, callback]].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  // Local IPC (Unix sockets, Windows pipes: tsx talks to its loader this way) is not the network.
  if (typeof first === 'string' || (first && typeof first === 'object' && first.path)) return originalConnect.apply(this, args)
  const where = first && typeof first === 'object' ? `${first.host ?? 'localhost'}:${first.port}` : String(first)
  throw record(`socket connect ${where}`)
}
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  dns[name] = (...args) => {
    throw record(`dns.${name}(${String(args[0])})`)
  }
  if (dns.promises[name]) dns.promises[name] = async (...args) => Promise.reject(record(`dns.promises.${name}(${String(args[0])})`))
}
for (const [mod, label] of [
  [http, 'http'],
  [https, 'https'],
]) {
  mod.request = (...args) => {
    throw record(`${label}.request(${String(args[0] && args[0].href ? args[0].href : args[0])})`)
  }
  mod.get = mod.request
}
globalThis.fetch = async (input) => Promise.reject(record(`fetch(${String(input)})`))
