import fs from 'node:fs';
import type { Config } from './config';
import { openDb } from './db/client';
import { migrate } from './db/migrate';
import { type Clock, type Platform, systemClock } from './platform/context';
import { createReloadingFieldCipher } from './platform/crypto/field-cipher';
import { loadKeyRing } from './platform/crypto/keyring';
import { hmac } from './platform/crypto/primitives';
import { runCryptoSelfTests } from './platform/crypto/self-test';

export interface OpenPlatformOptions {
  clock?: Clock;
  /** Override the database location (tests use `memory://`). */
  dataDir?: string;
  databaseUrl?: string;
  migrate?: boolean;
}

/**
 * config → crypto self-tests → keys → database → migrations. The server refuses to start when a
 * known-answer test fails (SECURITY.md item 29).
 */
export async function openPlatform(config: Config, options: OpenPlatformOptions = {}): Promise<Platform> {
  runCryptoSelfTests();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const loadRing = (generateIfMissing: boolean) =>
    loadKeyRing({ profile: config.crypto.profile, keyFile: config.crypto.keyFile, keysFromEnv: config.crypto.keysFromEnv, generateIfMissing });
  const ring = loadRing(true);
  // Reloads the key file when a rotation has added a key this process has not seen yet.
  const cipher = createReloadingFieldCipher(ring, () => loadRing(false));
  // The audit chain's MAC key is derived from the index key: stable across encryption-key rotation.
  const chainKey = Buffer.from(cipher.blindIndex('audit-chain-key', 'v1'), 'hex');
  const chainMac = (data: string) => hmac(ring.profile, chainKey, data);
  const databaseUrl = options.databaseUrl ?? config.databaseUrl;
  const db = await openDb({ databaseUrl, dataDir: options.dataDir ?? `${config.dataDir}` });
  try {
    if (options.migrate !== false) await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return { config, db, cipher, chainMac, clock: options.clock ?? systemClock, dataDir: config.dataDir };
}
