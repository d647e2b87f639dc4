/**
 * `npm run serve` as a person runs it: one process, settings from the environment, the build and
 * the live boards on one port; stopped with SIGTERM, it stores the open rooms first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDesign } from '../src/collab/applyDiff.ts';
import { readDesign } from '../src/collab/project.ts';
import { example } from '../src/model/testing/builder.ts';
import { startCollabServer } from './collabServer.ts';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, optionsFromEnv } from './config.ts';
import { join, newRoomAt, originOf, synced, uploaded } from './testing/clients.ts';
import { startServeProcess, temporaryFolders } from './testing/serveProcess.ts';

const folders = temporaryFolders('sagaboard-serve-');
afterAll(folders.removeAll);
const folder = folders.make;

describe('settings from the environment', () => {
  it('has defaults for everything', () => {
    expect(optionsFromEnv({}, '/srv/app')).toEqual({ port: DEFAULT_PORT, dataDir: `/srv/app/${DEFAULT_DATA_DIR}`, staticDir: '/srv/app/dist', origins: [], trustProxy: false });
  });

  it('reads PORT, HOST, SAGABOARD_DATA, REDIS_URL, SAGABOARD_STATIC, SAGABOARD_SECRET, SAGABOARD_ORIGINS and SAGABOARD_TRUST_PROXY', () => {
    const env = {
      PORT: '9000',
      HOST: '127.0.0.1',
      SAGABOARD_DATA: '/var/lib/sagaboard',
      REDIS_URL: 'redis://cache:6379',
      SAGABOARD_STATIC: 'off',
      SAGABOARD_SECRET: 's'.repeat(40),
      SAGABOARD_ORIGINS: 'https://a.example/, https://b.example',
      SAGABOARD_TRUST_PROXY: '1',
    };
    expect(optionsFromEnv(env, '/srv/app')).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/sagaboard',
      redisUrl: 'redis://cache:6379',
      secret: 's'.repeat(40),
      origins: ['https://a.example', 'https://b.example'],
      trustProxy: true,
    });
  });

  it.each(['http', '-1', '65536', '80.5'])('refuses PORT=%s', (port) => {
    expect(() => optionsFromEnv({ PORT: port })).toThrow(/PORT must be a port number/);
  });
});

describe('npm run serve', () => {
  it('serves the build and the live boards on one port, and stores open rooms when stopped', async () => {
    // given a build and a data folder
    const build = folder();
    mkdirSync(joinPath(build, 'assets'));
    writeFileSync(joinPath(build, 'index.html'), '<!doctype html><title>Sagaboard</title>');
    writeFileSync(joinPath(build, 'assets', 'app-1a2b.js'), 'console.log(1)');
    const data = folder();
    // when the server starts from the environment
    const server = await startServeProcess(data, build);
    const { port } = server;
    try {
      // then it serves the page, its assets, and nothing outside the build
      const page = await fetch(`${originOf(port)}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Sagaboard</title>');
      expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      const asset = await fetch(`${originOf(port)}/assets/app-1a2b.js`);
      expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
      expect((await fetch(`${originOf(port)}/%2e%2e/package.json`)).status).toBe(404);
      expect((await fetch(`${originOf(port)}/missing.js`)).status).toBe(404);
      expect((await fetch(`${originOf(port)}/`, { method: 'POST' })).status).toBe(405);
      // and live boards on the same port
      const { room, edit } = await newRoomAt(port);
      const ada = join(port, room, edit);
      await synced(ada);
      writeDesign(ada.ydoc, example('order-orchestrated'));
      await uploaded(ada);
      // when it is stopped while Ada is still there
      expect(await server.stop()).toBe(0);
      ada.leave();
      // then the room was stored in the data folder
      const again = await startCollabServer({ port: 0, host: '127.0.0.1', dataDir: data, staticDir: build });
      const bob = join(again.port, room, edit);
      await synced(bob);
      expect(readDesign(bob.ydoc).doc.name).toBe(example('order-orchestrated').name);
      bob.leave();
      await again.close();
    } finally {
      await server.stop();
    }
  });
});
