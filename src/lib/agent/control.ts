/**
 * The control channel (`agent unlock`, `lock`, `allow`, `deny`, `status`, `stop`): a Unix socket
 * (0600) in a 0700 folder of the agent folder — on Windows a named pipe — never the WebSocket
 * port. One JSON line each way per connection. Key passwords travel only here.
 */
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { NetworkError } from '../errors/index.js';
import type { ControlReply, ControlRequest } from './contract.js';

/** Largest control request (a password and a path). */
const MAX_LINE = 64 * 1024;

export async function serveControl(
  socketPath: string,
  handle: (req: ControlRequest) => Promise<ControlReply>,
): Promise<{ close(): Promise<void> }> {
  if (process.platform !== 'win32') {
    mkdirSync(path.dirname(socketPath), { recursive: true, mode: 0o700 });
    chmodSync(path.dirname(socketPath), 0o700);
    rmSync(socketPath, { force: true }); // a socket file left by a killed agent
  }
  const server = net.createServer((sock) => {
    let buf = '';
    sock.setEncoding('utf8');
    sock.on('error', () => sock.destroy());
    sock.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > MAX_LINE) return void sock.destroy();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      buf = '';
      let req: ControlRequest;
      try {
        req = JSON.parse(line) as ControlRequest;
      } catch {
        const bad: ControlReply = {
          ok: false,
          category: 'usage',
          code: 'AGENT_CONTROL',
          key: 'agent.error.control',
          params: {},
        };
        return void sock.end(JSON.stringify(bad) + '\n');
      }
      void handle(req).then((reply) => sock.end(JSON.stringify(reply) + '\n'));
    });
  });
  const old = process.umask(0o177); // the socket file is created 0600
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(old);
  }
  if (process.platform !== 'win32') chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        if (process.platform !== 'win32') rmSync(socketPath, { force: true });
      }),
  };
}

/** Send one request to the agent's control socket. */
export function control(socketPath: string, req: ControlRequest, timeoutMs = 15_000): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const sock = net.createConnection(socketPath);
    let buf = '';
    const fail = (e: unknown) => {
      sock.destroy();
      reject(
        new NetworkError('AGENT_NOT_RUNNING', 'agent.error.notRunning', {
          hintKey: 'agent.hint.start',
          cause: e,
        }),
      );
    };
    sock.setTimeout(timeoutMs, () => fail(new Error('timeout')));
    sock.setEncoding('utf8');
    sock.on('error', fail);
    sock.on('connect', () => sock.write(JSON.stringify(req) + '\n'));
    sock.on('data', (c: string) => (buf += c));
    sock.on('end', () => {
      try {
        resolve(JSON.parse(buf) as ControlReply);
      } catch (e) {
        fail(e);
      }
    });
  });
}
