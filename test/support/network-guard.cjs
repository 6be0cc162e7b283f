// Loaded with NODE_OPTIONS=--require into a process under test (so worker threads, where
// tesseract.js runs, and child processes load it too): records and refuses every attempt to reach
// the network (TCP, TLS, DNS, HTTP, fetch, UDP). The offline tests assert the record is empty after
// running the product's commands. CommonJS so it can patch the built-ins before anything loads.
'use strict'
const fs = require('node:fs')
const net = require('node:net')
const dns = require('node:dns')
const dgram = require('node:dgram')
const tls = require('node:tls')
const http = require('node:http')
const https = require('node:https')
const { isMainThread } = require('node:worker_threads')

const logFile = process.env.NETWORK_GUARD_LOG
function attempt(kind, target) {
  const line = `${process.pid} ${isMainThread ? 'main' : 'worker'} ${kind} ${String(target)}\n`
  if (logFile) fs.appendFileSync(logFile, line)
  const error = new Error(`network access refused by the offline guard: ${kind} ${target}`)
  error.code = 'ENETUNREACH'
  return error
}

// Local IPC (Unix sockets, Windows pipes) is not the network; everything with a host or port is.
const originalConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function connect(...args) {
  const first = args[0]
  const options = Array.isArray(first) ? first[0] : first
  const isPath = (typeof options === 'string' && !/^\d+$/.test(options)) || (options && typeof options === 'object' && options.path)
  if (isPath) return originalConnect.apply(this, args)
  const target =
    typeof options === 'object' && options ? `${options.host ?? 'localhost'}:${options.port}` : `${args[1] ?? 'localhost'}:${first}`
  throw attempt('tcp', target)
}
tls.connect = (...args) => {
  throw attempt('tls', JSON.stringify(args[0] && typeof args[0] === 'object' ? { host: args[0].host, port: args[0].port } : args[0]))
}
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = (host) => {
    throw attempt(`dns.${name}`, host)
  }
  if (dns.promises[name]) dns.promises[name] = async (host) => Promise.reject(attempt(`dns.promises.${name}`, host))
}
for (const [label, mod] of [
  ['http', http],
  ['https', https],
]) {
  for (const name of ['request', 'get']) {
    mod[name] = (target) => {
      throw attempt(
        `${label}.${name}`,
        typeof target === 'string' ? target : (target && (target.href || target.host || target.hostname)) || '?',
      )
    }
  }
}
globalThis.fetch = async (input) => {
  throw attempt('fetch', typeof input === 'string' ? input : input && input.url)
}
const originalCreateSocket = dgram.createSocket
dgram.createSocket = (...args) => {
  const socket = originalCreateSocket(...args)
  socket.send = (...sendArgs) => {
    throw attempt('udp', sendArgs.slice(1).join(':'))
  }
  return socket
}
