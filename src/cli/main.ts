import { parseArgs } from 'node:util';
import { openPlatform } from '../server/bootstrap';
import { ConfigError, loadConfig } from '../server/config';
import { openDb } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { verifyChain } from '../server/modules/audit/audit.service';
import { createFirstAdmin } from '../server/modules/auth/auth.service';
import { createRootRegion } from '../server/modules/regions/regions.service';
import { isRole } from '../server/platform/access/roles';
import { seedDemo, type DemoScale } from '../server/seed/demo';
import { AUTH_ENCRYPTED_COLUMNS } from '../server/modules/auth';
import { ORGS_ENCRYPTED_COLUMNS } from '../server/modules/orgs';
import { PROJECTS_ENCRYPTED_COLUMNS } from '../server/modules/projects';
import { ACCOUNTS_ENCRYPTED_COLUMNS } from '../server/modules/accounts';
import { PAYROLL_ENCRYPTED_COLUMNS } from '../server/modules/payroll';
import { NATIONAL_ENCRYPTED_COLUMNS } from '../server/modules/national';
import { WORKFORCE_ENCRYPTED_COLUMNS } from '../server/modules/workforce';
import { CASES_ENCRYPTED_COLUMNS } from '../server/modules/cases';
import { eventIdAad } from '../server/modules/attendance/attendance.repo';
import { loadKeyRing } from '../server/platform/crypto/keyring';
import { retireFieldKey, rotateFieldKeys } from '../server/platform/crypto/reencrypt';

const USAGE = `薪盾 XinDun 命令行 / command line

  npm run cli -- migrate                       apply SQL migrations
  npm run cli -- seed [--scale township]       load demo data (township|district|city|province) into an empty database
  npm run cli -- create-admin --username U --region-code C [--region-name N] [--role system_admin]
                                               create the first administrator (creates the root region if there is none)
  npm run cli -- verify-audit                  recompute the audit hash chain; exit 1 when broken
  npm run cli -- rotate-keys                   new field-encryption key; re-encrypt all personal data under it
  npm run cli -- retire-key --key k1           destroy an old key once nothing uses it
                                               (stop the server first; other instances restart to load the new key)

Configuration comes from the same environment as the server (DATABASE_URL, DATA_DIR, …).`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const result = await migrate(db);
        console.log(`applied ${result.applied.length} (${result.applied.join(', ') || 'none'}), already applied ${result.alreadyApplied}`);
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { scale: { type: 'string', default: 'township' } } });
      const scale = values.scale as DemoScale;
      if (!['township', 'district', 'city', 'province'].includes(scale)) throw new Error('--scale must be township, district, city or province');
      const platform = await openPlatform(config);
      try {
        const result = await seedDemo(platform, scale);
        console.log(`seeded ${scale}: ${JSON.stringify(result.counts)}`);
        for (const a of result.accounts) console.log(`  ${a.username.padEnd(14)} ${a.password.padEnd(20)} ${a.role}`);
        for (const k of result.apiKeys) console.log(`  API key (${k.name}): ${k.secret}`);
      } finally {
        await platform.db.close();
      }
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string', default: 'admin' },
          'region-code': { type: 'string' },
          'region-name': { type: 'string' },
          role: { type: 'string', default: 'system_admin' },
        },
      });
      if (!values['region-code']) throw new Error('--region-code is required');
      if (!isRole(values.role!)) throw new Error(`unknown role ${values.role}`);
      const platform = await openPlatform(config);
      try {
        if (values['region-name']) await createRootRegion(platform, values['region-code'], values['region-name']);
        const { password } = await createFirstAdmin(platform, {
          username: values.username!,
          regionCode: values['region-code'],
          role: values.role,
          password: config.adminPassword,
        });
        console.log(`created ${values.role} "${values.username}"; one-time password: ${password} (must be changed at first login)`);
      } finally {
        await platform.db.close();
      }
      return 0;
    }
    case 'verify-audit': {
      const platform = await openPlatform(config);
      try {
        const report = await verifyChain(platform);
        console.log(JSON.stringify(report, null, 2));
        return report.ok ? 0 : 1;
      } finally {
        await platform.db.close();
      }
    }
    case 'rotate-keys':
    case 'retire-key': {
      const { values } = parseArgs({ args: rest, options: { key: { type: 'string' } } });
      const platform = await openPlatform(config);
      const ring = loadKeyRing({ profile: config.crypto.profile, keyFile: config.crypto.keyFile, keysFromEnv: config.crypto.keysFromEnv, generateIfMissing: false });
      const columns = [
        ...ORGS_ENCRYPTED_COLUMNS,
        ...AUTH_ENCRYPTED_COLUMNS,
        ...PROJECTS_ENCRYPTED_COLUMNS,
        ...WORKFORCE_ENCRYPTED_COLUMNS,
        ...NATIONAL_ENCRYPTED_COLUMNS,
        ...ACCOUNTS_ENCRYPTED_COLUMNS,
        ...PAYROLL_ENCRYPTED_COLUMNS,
        ...CASES_ENCRYPTED_COLUMNS,
        { table: 'attendance_events', column: 'id_enc', aad: eventIdAad },
      ];
      try {
        if (config.crypto.keysFromEnv) throw new Error('keys come from FIELD_KEYS: rotate them in the secret store, then re-run with KEY_FILE');
        if (command === 'rotate-keys') {
          const { ring: next, counts, failed } = await rotateFieldKeys(platform.db, ring, config.crypto.keyFile, columns);
          console.log(`active key ${next.active}; re-encrypted ${JSON.stringify(counts)}`);
          if (failed.length > 0) console.log(`could not decrypt ${failed.length} values (left as they were): ${JSON.stringify(failed)}`);
        } else {
          if (!values.key) throw new Error('--key is required');
          const next = await retireFieldKey(platform.db, ring, config.crypto.keyFile, values.key, columns);
          console.log(`retired ${values.key}; keys left: ${next.keys.map((k) => k.id).join(', ')}`);
        }
      } finally {
        await platform.db.close();
      }
      return 0;
    }
    default:
      console.log(USAGE);
      return command ? 2 : 0;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `错误 / error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
