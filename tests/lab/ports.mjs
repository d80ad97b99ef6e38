// Free loopback ports for lab daemons (taken by the caller right after; a clash is retried there).
import dgram from 'node:dgram';
import net from 'node:net';

/** @returns {Promise<number>} a TCP port free on 127.0.0.1 right now */
export function freeTcpPort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(addr.port));
    });
  });
}

/** @returns {Promise<number>} a UDP port free on 127.0.0.1 right now */
export function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket('udp4');
    sock.unref();
    sock.on('error', reject);
    sock.bind(0, '127.0.0.1', () => {
      const { port } = sock.address();
      sock.close(() => resolve(port));
    });
  });
}
